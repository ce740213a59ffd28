/**
 * Debug URLs, as Chrome's chrome://crash and friends: each, typed into a tab, gives that tab
 * the state and reason Chrome's would, and leaves other sites' tabs live.
 */
import type { Browser } from '../../src/browser/Browser';
import type { BrowserEvent } from '../../src/common/controlApi';
import { alive, keepsPresenting, openLive, startBrowser, tabOf, waitFor } from './helpers';

let b: Browser;
let events: BrowserEvent[];
beforeEach(async () => {
  b = await startBrowser({ hangTimeoutMs: 2000, rendererMemoryBudgetMb: 900 });
  events = [];
  b.onEvent((e) => events.push(e));
});
afterEach(() => b.shutdown());

/** A tab of news.example to fault, and one of orbit.example that must stay live. */
async function twoSites() {
  const orbit = await openLive(b, 'https://orbit.example/');
  const news = await openLive(b, 'https://news.example/');
  return { orbit, news };
}

async function crashedTab(id: number) {
  return waitFor(() => {
    const t = tabOf(b, id);
    return t.state === 'crashed' && t;
  }, `tab ${id} to crash`);
}

test.each([
  ['minium://crash', 'crashed', 'SIGSEGV'],
  ['minium://kill', 'killed', 'SIGKILL'],
  ['minium://badmessage', 'killed', 'SIGKILL'],
  ['minium://memory-exhaust', 'oom', 'SIGKILL'],
])('%s: the tab shows %s, other sites stay live', async (url, reason, signal) => {
  const { orbit, news } = await twoSites();
  await b.navigate(news.id, url);
  const gone = await crashedTab(news.id);
  expect(gone).toMatchObject({ crashReason: reason, url: news.url });
  // memory-exhaust ends either by the budget (SIGKILL) or by a failed allocation (our OOM exit code).
  if (reason !== 'oom') expect(gone.exitSignal).toBe(signal);
  expect(alive(news.pid!)).toBe(false);
  // Only badmessage is killed for what it sent: the browser says so, with the reason.
  expect(events.filter((e) => e.type === 'bad-message')).toEqual(
    url === 'minium://badmessage'
      ? [
          {
            type: 'bad-message',
            pid: news.pid,
            role: 'renderer',
            reason: expect.stringMatching(/^Invalid discriminator value/),
          },
        ]
      : [],
  );
  expect(tabOf(b, orbit.id).state).toBe('live');
  await b.activateTab(orbit.id); // only the shown tab presents; news, opened last, was shown
  expect(await keepsPresenting(b, orbit.id)).toBe(true);
});

test('minium://crash opened in a new tab: a renderer is started for it and crashes', async () => {
  const orbit = await openLive(b, 'https://orbit.example/');
  const t = await b.openTab('minium://crash');
  expect(t.url).toBe('minium://crash');
  expect(await crashedTab(t.id)).toMatchObject({ crashReason: 'crashed', exitSignal: 'SIGSEGV' });
  expect(tabOf(b, orbit.id).state).toBe('live');
});

test('minium://hang: the tab turns unresponsive and stays so; the other site does not', async () => {
  const { orbit, news } = await twoSites();
  await b.navigate(news.id, 'minium://hang');
  await waitFor(() => tabOf(b, news.id).unresponsive, 'the hung tab to turn unresponsive');
  expect(tabOf(b, news.id)).toMatchObject({ state: 'live', pid: news.pid });
  expect(tabOf(b, orbit.id).unresponsive).toBeUndefined();
  await b.activateTab(orbit.id); // only the shown tab presents; news, opened last, was shown
  expect(await keepsPresenting(b, orbit.id)).toBe(true);
});

test('minium://shorthang: unresponsive, then it recovers by itself; the other site does not notice', async () => {
  const { orbit, news } = await twoSites();
  await b.navigate(news.id, 'minium://shorthang');
  await waitFor(() => tabOf(b, news.id).unresponsive, 'the tab to turn unresponsive');
  expect(tabOf(b, orbit.id)).toMatchObject({ state: 'live', pid: orbit.pid });
  expect(tabOf(b, orbit.id).unresponsive).toBeUndefined();
  await waitFor(() => !tabOf(b, news.id).unresponsive, 'the tab to recover', 40000);
  expect(tabOf(b, news.id)).toMatchObject({ state: 'live', pid: news.pid });
}, 90000);

test.each([
  ['minium://gpucrash', 'the GPU process segfaults'],
  ['minium://gpuhang', 'the GPU watchdog ends the hung GPU process'],
])('%s: %s, is restarted, and tabs present again', async (url) => {
  const { orbit, news } = await twoSites();
  await b.navigate(news.id, url);
  const gone = await waitFor(
    () => events.find((e) => e.type === 'process-gone' && e.role === 'gpu'),
    'the GPU process to go',
    30000,
  );
  expect(gone).toMatchObject({ reason: 'crashed' });
  await waitFor(() => b.display().gpuCrashes === 1, 'the GPU crash to be counted');
  await b.activateTab(orbit.id); // only the shown tab presents; news, opened last, was shown
  expect(await keepsPresenting(b, orbit.id)).toBe(true);
  expect(tabOf(b, news.id)).toMatchObject({ state: 'live', pid: news.pid });
});

test('minium://sandbox-probe: the tab says the OS sandbox refused a TCP socket and a file; the tab lives', async () => {
  const news = await openLive(b, 'https://news.example/');
  await b.navigate(news.id, 'minium://sandbox-probe');
  const said = await waitFor(() => {
    const lines = b.consoleMessages(news.id).filter((m) => m.message.startsWith('sandbox probe:'));
    return lines.length === 2 && lines;
  }, 'both probe results in the console');
  // Under the web shell's layers: seccomp-bpf answers the socket; Node's permission model the file.
  expect(said.map((m) => [m.level, m.message])).toEqual([
    ['info', 'sandbox probe: opening a TCP socket to 127.0.0.1:9 was refused (EPERM)'],
    ['info', 'sandbox probe: reading /etc/hostname was refused (ERR_ACCESS_DENIED)'],
  ]);
  expect(tabOf(b, news.id)).toMatchObject({ state: 'live', pid: news.pid });
});

test("minium://memory-probe: another site's renderer memory and tile pool are refused, each by what guards it", async () => {
  const orbit = await openLive(b, 'https://orbit.example/');
  await waitFor(() => b.listTabs().find((t) => t.id === orbit.id)!.framesPresented > 0, 'orbit to present');
  const news = await openLive(b, 'https://news.example/');
  await b.navigate(news.id, 'minium://memory-probe');
  const said = await waitFor(() => {
    const lines = b.consoleMessages(news.id).filter((m) => m.message.startsWith('memory probe:'));
    return lines.length === 4 && lines;
  }, 'the four probe results in the console');
  // Node's permission model answers the /proc files; seccomp-bpf the two system calls.
  expect(said.map((m) => [m.level, m.message.replace(/0x[0-9a-f]+/g, 'ADDRESS').replace(/\d+/g, 'N')])).toEqual([
    ['info', "memory probe: reading another renderer's memory file was refused (ERR_ACCESS_DENIED; /proc/N/mem)"],
    [
      'info',
      "memory probe: reading another renderer's memory with process_vm_readv was refused (EPERM; pid N at ADDRESS)",
    ],
    ['info', "memory probe: opening another renderer's tile pool was refused (ERR_ACCESS_DENIED; /proc/N/fd/N)"],
    [
      'info',
      "memory probe: taking another renderer's tile pool descriptor with pidfd_getfd was refused (EPERM; pid N, fd N)",
    ],
  ]);
  expect(said[0].message).toContain(`/proc/${orbit.pid}/mem`);
  expect(tabOf(b, news.id)).toMatchObject({ state: 'live', pid: news.pid });
});

test('GET /api/debug-urls lists every debug URL apart from the demos', () => {
  expect(b.listDebugUrls().map((d) => d.url)).toEqual([
    'minium://crash',
    'minium://kill',
    'minium://hang',
    'minium://shorthang',
    'minium://memory-exhaust',
    'minium://badmessage',
    'minium://gpucrash',
    'minium://gpuhang',
    'minium://sandbox-probe',
    'minium://memory-probe',
  ]);
  expect(b.listDemos().some((d) => d.url.startsWith('minium:'))).toBe(false);
});

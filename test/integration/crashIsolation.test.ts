/** MP2, BR2: real renderer processes, killed with real signals; the blast radius is one site. */
import { SHORT_HUNG_RENDERER_DELAY_MS } from '../../src/browser/RenderProcessHost';
import type { Browser } from '../../src/browser/Browser';
import {
  alive,
  keepsPresenting,
  mappedTilePoolsOf,
  openLive,
  shmNamesOf,
  startBrowser,
  tabOf,
  tilePoolDescriptorsOf,
  waitFor,
} from './helpers';

let b: Browser;
beforeEach(async () => {
  b = await startBrowser({ processLimit: 3, hangTimeoutMs: SHORT_HUNG_RENDERER_DELAY_MS });
});
afterEach(() => b.shutdown());

test('process-per-site: tabs of one site share a renderer, other sites never do', async () => {
  const news = await openLive(b, 'https://news.example/');
  const sports = await openLive(b, 'https://news.example/sports.html');
  const orbit = await openLive(b, 'https://orbit.example/');
  expect(sports.pid).toBe(news.pid);
  expect(orbit.pid).not.toBe(news.pid);
  const renderers = (await b.listProcesses()).filter((p) => p.role === 'renderer');
  expect(renderers.map((p) => p.tabs.sort())).toEqual(expect.arrayContaining([[news.id, sports.id], [orbit.id]]));
});

test.each([
  ['SIGKILL', 'killed'],
  ['SIGSEGV', 'crashed'],
] as const)(
  'kill -%s a renderer: its tabs crash with reason %s, the other site keeps presenting frames',
  async (signal, reason) => {
    const news = await openLive(b, 'https://news.example/');
    const sports = await openLive(b, 'https://news.example/sports.html');
    const orbit = await openLive(b, 'https://orbit.example/');
    const victim = news.pid!;
    const pools = tilePoolDescriptorsOf(victim).map((p) => p.inode); // anonymous: no name in /dev/shm
    expect(pools.length).toBeGreaterThan(0);
    expect(shmNamesOf(victim)).toEqual([]);
    const gpu = (await b.listProcesses()).find((p) => p.role === 'gpu')!.pid;
    process.kill(victim, signal);
    await waitFor(
      () => tabOf(b, news.id).state === 'crashed' && tabOf(b, sports.id).state === 'crashed',
      'both news tabs to crash',
    );
    expect(tabOf(b, news.id)).toMatchObject({ state: 'crashed', crashReason: reason, pid: null });
    expect(tabOf(b, sports.id).crashReason).toBe(reason);
    expect(tabOf(b, orbit.id).state).toBe('live');
    expect(await keepsPresenting(b, orbit.id, 20)).toBe(true);
    expect(alive(orbit.pid!)).toBe(true);
    expect(shmNamesOf(victim)).toEqual([]);
    // The GPU process let go of the dead renderer's pools: the memory is gone with its last mapping.
    await waitFor(
      () => pools.every((inode) => !mappedTilePoolsOf(gpu).has(inode)),
      'the GPU process to unmap the dead renderer’s pools',
    );
  },
);

test('End process (the Task Manager) then Reload brings up a new renderer', async () => {
  const news = await openLive(b, 'https://news.example/');
  await b.killProcess(news.pid!);
  await waitFor(() => tabOf(b, news.id).state === 'crashed', 'the sad tab');
  expect(tabOf(b, news.id).crashReason).toBe('killed');
  await b.reload(news.id);
  const again = await waitFor(() => tabOf(b, news.id).state === 'live' && tabOf(b, news.id), 'the reloaded tab');
  expect(again.pid).not.toBe(news.pid);
  expect(await keepsPresenting(b, news.id, 1)).toBe(true);
});

test('the process limit refuses a new site instead of sharing a process', async () => {
  await openLive(b, 'https://news.example/');
  await openLive(b, 'https://orbit.example/');
  await openLive(b, 'https://plugins.example/');
  await expect(b.openTab('https://another.example/')).rejects.toThrow(/limit of 3 renderers/);
  expect(b.listTabs()).toHaveLength(3);
});

test('closing the last tab of a site ends its renderer cleanly', async () => {
  const t = await openLive(b, 'https://orbit.example/');
  const gone = new Promise((r) => b.onEvent((e) => e.type === 'process-gone' && e.pid === t.pid && r(e)));
  await b.closeTab(t.id);
  expect(await gone).toMatchObject({ role: 'renderer', reason: 'clean-exit' });
});

test('a page that cannot be loaded gets an error page in its tab', async () => {
  const t = await b.openTab('https://news.example/no-such-page.html');
  const now = await waitFor(() => tabOf(b, t.id).state === 'live' && tabOf(b, t.id), 'the error page');
  expect(now.title).toBe("Can't reach this page");
  expect(now.error).toMatch(/ERR_FILE_NOT_FOUND/);
});

test('bad addresses are refused with a reason and nothing changes', async () => {
  await expect(b.openTab('file:///etc/passwd')).rejects.toThrow(/file: scheme is not supported/);
  await expect(b.openTab('')).rejects.toThrow(/empty/);
  await expect(b.navigate(999, 'https://news.example/')).rejects.toThrow(/no tab 999/);
  expect(b.listTabs()).toEqual([]);
});

test('cross-site navigation moves the tab to the new site’s renderer', async () => {
  const t = await openLive(b, 'https://news.example/');
  await b.navigate(t.id, 'https://orbit.example/');
  const moved = await waitFor(
    () => tabOf(b, t.id).state === 'live' && tabOf(b, t.id).title === 'Orbit' && tabOf(b, t.id),
    'the navigation',
  );
  expect(moved.pid).not.toBe(t.pid);
  expect(moved.site).toBe('https://orbit.example');
});

test('kill -STOP a renderer: its tabs are unresponsive, others present on; kill -CONT recovers it', async () => {
  const news = await openLive(b, 'https://news.example/');
  const orbit = await openLive(b, 'https://orbit.example/');
  process.kill(news.pid!, 'SIGSTOP');
  try {
    await waitFor(() => tabOf(b, news.id).unresponsive, 'the stopped renderer to be noticed', 15000);
    expect(tabOf(b, news.id).state).toBe('live');
    expect(tabOf(b, orbit.id).unresponsive).toBeUndefined();
    expect(await keepsPresenting(b, orbit.id, 20)).toBe(true);
  } finally {
    process.kill(news.pid!, 'SIGCONT');
  }
  await waitFor(() => !tabOf(b, news.id).unresponsive, 'the renderer to answer again', 15000);
  // A stopped process can still be ended: SIGKILL does not wait for it to run.
  process.kill(news.pid!, 'SIGSTOP');
  await b.killProcess(news.pid!);
  await waitFor(() => tabOf(b, news.id).state === 'crashed', 'the stopped renderer to be killed');
  expect(tabOf(b, news.id).crashReason).toBe('killed');
});

/**
 * Faults reported as Chromium reports them: a renderer whose JS heap runs out in any thread, or
 * whose memory outgrows its budget, ends as a whole with `oom`; a main thread stuck in script
 * marks its tab unresponsive until it answers again, or until Exit page kills it.
 */
import * as fs from 'node:fs';
import type { Browser } from '../../src/browser/Browser';
import { alive, openLive, startBrowser, tabOf, waitFor } from './helpers';

let b: Browser;
beforeEach(async () => {
  b = await startBrowser({ hangTimeoutMs: 2000, rendererMemoryBudgetMb: 900 });
});
afterEach(() => b.shutdown());

async function expectGoneWith(tabId: number, reason: string, otherTabId: number): Promise<void> {
  const gone = await waitFor(() => {
    const t = tabOf(b, tabId);
    return t.state === 'crashed' && t;
  }, `tab ${tabId} to crash`);
  expect(gone.crashReason).toBe(reason);
  expect(tabOf(b, otherTabId).state).toBe('live');
}

test.each([
  ['the main thread', 'https://faults.example/heap.html'],
  ['a page worker', 'https://faults.example/worker-heap.html'],
])('JS heap exhausted in %s: the whole renderer ends with oom, other sites live', async (_thread, url) => {
  const orbit = await openLive(b, 'https://orbit.example/');
  const t = await b.openTab(url);
  const pid = (await waitFor(() => tabOf(b, t.id).pid, 'a renderer')) as number;
  await expectGoneWith(t.id, 'oom', orbit.id);
  expect(alive(pid)).toBe(false);
});

test.each(['compositor', 'raster-1', 'io'])(
  'JS heap exhausted in the %s thread: the renderer ends with oom',
  async (thread) => {
    const orbit = await openLive(b, 'https://orbit.example/');
    const news = await openLive(b, 'https://news.example/');
    // Threads are known from the renderer's stats, every 500 ms: the first may not have come yet.
    await waitFor(async () => {
      const renderer = (await b.listProcesses()).find((p) => p.pid === news.pid);
      return renderer?.threads.some((t) => t.id === thread);
    }, `the ${thread} thread to be listed`);
    await b.crashThread(news.pid!, thread, 'oom');
    await expectGoneWith(news.id, 'oom', orbit.id);
    expect(alive(news.pid!)).toBe(false);
  },
);

test('typed arrays grown past the memory budget: the renderer ends with oom', async () => {
  const orbit = await openLive(b, 'https://orbit.example/');
  const grow = await openLive(b, 'https://faults.example/grow.html');
  await expectGoneWith(grow.id, 'oom', orbit.id);
});

test('a renderer limits its own data segment (RLIMIT_DATA) above its budget, for good', async () => {
  const orbit = await openLive(b, 'https://orbit.example/');
  const limits = fs.readFileSync(`/proc/${orbit.pid}/limits`, 'utf8');
  const [, soft, hard] = /^Max data size\s+(\d+)\s+(\d+)/m.exec(limits)!;
  expect(Number(soft)).toBe((900 + 2048) * 1024 * 1024);
  expect(hard).toBe(soft);
});

test('while (true) {}: the tab turns unresponsive; Exit page kills its renderer', async () => {
  const orbit = await openLive(b, 'https://orbit.example/');
  const hang = await openLive(b, 'https://faults.example/hang.html');
  await waitFor(() => tabOf(b, hang.id).unresponsive, 'the looping tab to turn unresponsive');
  expect(tabOf(b, orbit.id).unresponsive).toBeUndefined();
  await b.killProcess(hang.pid!); // the bar's Exit page
  await expectGoneWith(hang.id, 'killed', orbit.id);
});

test('while (true) {} in a click handler: the tab turns unresponsive after the click; Exit page kills it', async () => {
  const orbit = await openLive(b, 'https://orbit.example/');
  const page = await openLive(b, 'https://faults.example/click-hang.html');
  await waitFor(() => b.consoleMessages(page.id).some((m) => m.message === 'listening'), 'the click handler');
  expect(tabOf(b, page.id).unresponsive).toBeUndefined();
  await b.sendInput(page.id, { type: 'click', x: 150, y: 30 }); // the button, top left
  await waitFor(() => tabOf(b, page.id).unresponsive, 'the clicked tab to turn unresponsive');
  expect(b.consoleMessages(page.id).map((m) => m.message)).toContain('looping');
  expect(tabOf(b, orbit.id).unresponsive).toBeUndefined();
  await b.killProcess(page.pid!); // the bar's Exit page
  await expectGoneWith(page.id, 'killed', orbit.id);
});

test('a block that ends: unresponsive, then responsive again', async () => {
  const block = await openLive(b, 'https://faults.example/block.html');
  await waitFor(() => tabOf(b, block.id).unresponsive, 'the blocked tab to turn unresponsive');
  await waitFor(() => !tabOf(b, block.id).unresponsive, 'the tab to answer again', 20000);
  expect(tabOf(b, block.id).state).toBe('live');
});

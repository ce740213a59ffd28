/** MT2, MT3, RT6: an exception ends one thread; a fatal fault in any thread ends the whole process. */
import * as fs from 'node:fs';
import type { Browser } from '../../src/browser/Browser';
import type { ProcessInfo } from '../../src/common/controlApi';
import { keepsPresenting, openLive, startBrowser, tabOf, waitFor } from './helpers';

let b: Browser;
beforeEach(async () => {
  b = await startBrowser({ rasterThreads: 2 });
});
afterEach(() => b.shutdown());

const renderer = async (pid: number): Promise<ProcessInfo | undefined> =>
  (await b.listProcesses()).find((p) => p.pid === pid);

/**
 * The renderer's next thread report after `seen`: a renderer reports its threads' load every half
 * second, and a new report never equals the last one while any thread runs.
 */
const laterStats = (pid: number, seen: ProcessInfo): Promise<ProcessInfo> => {
  const last = JSON.stringify(seen.threads);
  return waitFor(async () => {
    const r = await renderer(pid);
    return r && JSON.stringify(r.threads) !== last && r;
  }, `a thread report from renderer ${pid} newer than the last one`);
};

test('a renderer runs real threads: io, main, compositor and the raster pool', async () => {
  const t = await openLive(b, 'https://orbit.example/');
  const p = await waitFor(async () => {
    const r = await renderer(t.pid!);
    return r && r.threads.length > 0 && r;
  }, 'thread stats');
  expect(p.threads.map((x) => x.id).sort()).toEqual(['compositor', 'io', 'main', 'raster-1', 'raster-2']);
  const tasks = fs.readdirSync(`/proc/${t.pid}/task`);
  expect(tasks.length).toBeGreaterThanOrEqual(5); // OS threads, not just JS objects
});

test('an exception on the main thread ends that thread only; the compositor keeps animating', async () => {
  const orbit = await openLive(b, 'https://orbit.example/');
  await waitFor(async () => (await renderer(orbit.pid!))?.threads.some((x) => x.id === 'main'), 'thread stats');
  await b.crashThread(orbit.pid!, 'main', 'exception');
  const main = await waitFor(
    async () => (await renderer(orbit.pid!))?.threads.find((x) => x.id === 'main' && x.state === 'ended'),
    'the main thread to end',
  );
  expect(main.error).toMatch(/uncaught exception on the main thread/);
  expect(tabOf(b, orbit.id)).toMatchObject({ state: 'live', pid: orbit.pid });
  expect(await keepsPresenting(b, orbit.id, 30)).toBe(true);
});

test('a raster thread that throws is replaced, as a worker pool replaces a dead worker', async () => {
  const t = await openLive(b, 'https://news.example/');
  await waitFor(async () => (await renderer(t.pid!))?.threads.some((x) => x.id === 'raster-1'), 'thread stats');
  await b.crashThread(t.pid!, 'raster-1', 'exception');
  const p = await waitFor(async () => {
    const r = await renderer(t.pid!);
    return r?.threads.some((x) => x.id === 'raster-1.2' && x.state === 'running') && r;
  }, 'a replacement raster thread');
  expect(p.threads.find((x) => x.id === 'raster-1')).toMatchObject({ state: 'ended' });
  expect(tabOf(b, t.id).state).toBe('live');
});

test('a segfault on the compositor thread ends the whole process and every tab in it', async () => {
  const news = await openLive(b, 'https://news.example/');
  const sports = await openLive(b, 'https://news.example/sports.html');
  const orbit = await openLive(b, 'https://orbit.example/');
  await waitFor(async () => (await renderer(news.pid!))?.threads.some((x) => x.id === 'compositor'), 'thread stats');
  await b.crashThread(news.pid!, 'compositor', 'segfault');
  await waitFor(() => tabOf(b, sports.id).state === 'crashed', 'the whole renderer to go');
  expect(tabOf(b, news.id).crashReason).toBe('crashed');
  expect(tabOf(b, sports.id).crashReason).toBe('crashed');
  expect(await keepsPresenting(b, orbit.id, 10)).toBe(true);
});

test('crashing a thread that does not exist is a clear error', async () => {
  const t = await openLive(b, 'https://news.example/');
  await expect(b.crashThread(t.pid!, 'raster-99', 'exception')).rejects.toThrow(/has no thread "raster-99"/);
  await expect(b.crashThread(123456789, 'main', 'exception')).rejects.toThrow(/not one of Minium's processes/);
  await expect(b.killProcess(process.pid)).rejects.toThrow(/cannot end itself/);
});

test('a page’s new Worker() is a real thread that works while the main thread idles (RT4)', async () => {
  const t = await openLive(b, 'https://workers.example/');
  const busyWorker = async (r?: ProcessInfo) => {
    r ??= await renderer(t.pid!);
    const worker = r?.threads.find((x) => x.kind === 'worker' && x.state === 'running' && x.busy > 0.5);
    return worker && r;
  };
  const first = await waitFor(busyWorker, 'a busy worker thread', 20000);
  // Two reports after the first (a second's worth): the interval that saw the worker start also saw the page load.
  const p = await busyWorker(await laterStats(t.pid!, await laterStats(t.pid!, first)));
  expect(p).toBeTruthy();
  expect(p!.threads.find((x) => x.id === 'main')!.busy).toBeLessThan(0.5);
  // Its messages make the main thread repaint the page: new frames of a page whose only animation is small.
  expect(await keepsPresenting(b, t.id, 30)).toBe(true);
  await b.closeTab(t.id);
});

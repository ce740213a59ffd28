/**
 * Memory as the Task Manager reports it: a proportional set size for every process, and each
 * renderer thread's own V8 heap (every worker_thread is an isolate of its own).
 */
import type { Browser } from '../../src/browser/Browser';
import type { ProcessInfo } from '../../src/common/controlApi';
import { openLive, startBrowser, waitFor } from './helpers';

let b: Browser;
beforeAll(async () => {
  b = await startBrowser({ rasterThreads: 2 });
});
afterAll(() => b.shutdown());

test('every process, the browser included, reports a PSS no larger than its resident set', async () => {
  await openLive(b, 'https://plugins.example/');
  const list = await waitFor(async () => {
    const l = await b.listProcesses();
    return ['browser', 'gpu', 'renderer', 'plugin'].every((r) => l.some((p) => p.role === r)) && l;
  }, 'a browser, GPU, renderer and plugin process');
  for (const p of list) {
    expect({ role: p.role, pss: p.pssBytes! > 0 }).toEqual({ role: p.role, pss: true });
    expect(p.pssBytes).toBeLessThanOrEqual(p.rssBytes);
  }
});

test('each renderer thread reports its own heap; a raster thread holds less than the main thread', async () => {
  const t = await openLive(b, 'https://news.example/');
  const running = (p: ProcessInfo) => p.threads.filter((x) => x.state === 'running');
  const r = await waitFor(async () => {
    const p = (await b.listProcesses()).find((x) => x.pid === t.pid);
    return p && running(p).length >= 5 && running(p).every((x) => x.heap) && p;
  }, 'a heap report from every thread of the renderer');
  for (const thread of running(r)) {
    expect(thread.heap!.usedBytes).toBeGreaterThan(0);
    expect(thread.heap!.totalBytes).toBeGreaterThanOrEqual(thread.heap!.usedBytes);
  }
  const heap = (id: string) => r.threads.find((x) => x.id === id)!.heap!.usedBytes;
  // The main thread holds the page (DOM, styles, layout, the CSS and HTML parsers); a raster thread only display items.
  expect(heap('raster-1')).toBeLessThan(heap('main'));
});

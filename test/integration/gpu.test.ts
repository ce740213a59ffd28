/** BR4: the GPU process dies, the browser restarts it, tabs are displayed again without a reload. */
import type { Browser } from '../../src/browser/Browser';
import { captureSurface, keepsPresenting, openLive, startBrowser, tabOf, waitFor } from './helpers';

let b: Browser;
beforeEach(async () => {
  b = await startBrowser();
});
afterEach(() => b.shutdown());

const gpuPid = async () => (await b.listProcesses()).find((p) => p.role === 'gpu')?.pid;

test('kill -9 the GPU process: a new one starts and the same renderers present again', async () => {
  const orbit = await openLive(b, 'https://orbit.example/');
  const first = (await gpuPid())!;
  process.kill(first, 'SIGKILL');
  const second = await waitFor(async () => {
    const p = await gpuPid();
    return p !== first && p;
  }, 'a new GPU process');
  expect(await keepsPresenting(b, orbit.id, 30)).toBe(true);
  expect(tabOf(b, orbit.id)).toMatchObject({ state: 'live', pid: orbit.pid });
  expect(b.display()).toMatchObject({ mode: 'gpu', gpuCrashes: 1 });
  // The new GPU process has the whole picture, without the renderer repainting: Orbit's dark background.
  const shot = await captureSurface(b.display().url!, orbit.surfaceId);
  expect(shot.pixel(900, 580)).toEqual([0x0b, 0x10, 0x21]);
  expect(second).toBeGreaterThan(0);
});

test('three GPU crashes, none forgiven: compositing falls back to the browser process', async () => {
  const orbit = await openLive(b, 'https://orbit.example/');
  for (let i = 0; i < 3; i++) {
    const pid = await waitFor(() => gpuPid(), 'a GPU process');
    process.kill(pid, 'SIGSEGV');
    await waitFor(() => b.display().gpuCrashes === i + 1, `crash ${i + 1} to be counted`);
  }
  await waitFor(() => b.display().mode === 'browser' && b.display().url, 'the in-browser display compositor');
  expect(await gpuPid()).toBeUndefined();
  expect(b.display().reason).toMatch(/crashed 3 times/);
  expect(b.policies().gpu).toMatchObject({ level: 1, totalCrashes: 3, recentCrashes: 0 });
  expect(b.policies().gpu.stack[1].mode).toBe('browser');
  expect(await keepsPresenting(b, orbit.id, 30)).toBe(true);
  const browser = (await b.listProcesses()).find((p) => p.role === 'browser')!;
  expect(browser.title).toMatch(/compositing in-process/);
});

/**
 * BR4: the GPU process dies, the browser restarts it, tabs are displayed again without a reload.
 * Its display compositor runs on a thread of its own, as Chromium's VizCompositorThread.
 */
import * as fs from 'node:fs';
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

test('the display compositor runs on a VizCompositorThread of its own, under the sandbox of its process', async () => {
  await openLive(b, 'https://orbit.example/');
  const gpu = await waitFor(async () => {
    const p = (await b.listProcesses()).find((x) => x.role === 'gpu');
    return p && p.threads.length === 2 && p;
  }, 'the GPU process to report its threads');
  expect(gpu.threads.map((t) => t.name)).toEqual(['gpu main', 'VizCompositorThread']);
  // Started after the process locked itself down: every thread of it, the compositor's included, runs under seccomp.
  const tasks = fs.readdirSync(`/proc/${gpu.pid}/task`);
  const seccomp = tasks.map(
    (tid) => /^Seccomp:\s*(\d)/m.exec(fs.readFileSync(`/proc/${gpu.pid}/task/${tid}/status`, 'utf8'))?.[1],
  );
  expect(new Set(seccomp)).toEqual(new Set(['2']));

  // The compositor's work is on that thread, not on the GPU process's main thread.
  await b.startTrace();
  await keepsPresenting(b, (await b.listTabs())[0].id, 5);
  const trace = await b.stopTrace();
  const threadOf = new Map(
    trace.traceEvents
      .filter((e) => e.pid === gpu.pid && e.ph === 'M' && e.name === 'thread_name')
      .map((e) => [e.tid, (e.args as { name: string }).name]),
  );
  expect([...threadOf.values()].sort()).toEqual(['CrGpuMain', 'VizCompositorThread']);
  const draws = trace.traceEvents.filter((e) => e.pid === gpu.pid && e.name === 'Display::DrawAndSwap');
  expect(draws.length).toBeGreaterThan(0);
  expect(new Set(draws.map((e) => threadOf.get(e.tid)))).toEqual(new Set(['VizCompositorThread']));
});

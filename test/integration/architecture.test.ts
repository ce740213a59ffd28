/**
 * The architecture graph from real processes: the browser's channel counters, the GPU process's
 * report on its frame sink clients and their tile pools, the plugin embedded in a tab. The pool
 * size the graph gives is checked against what the kernel says the GPU process has mapped.
 */
import * as fs from 'node:fs';
import type { Browser } from '../../src/browser/Browser';
import type { ArchitectureGraph } from '../../src/common/controlApi';
import { openLive, startBrowser, tilePoolDescriptorsOf, waitFor } from './helpers';

let b: Browser;
beforeAll(async () => {
  b = await startBrowser();
});
afterAll(() => b.shutdown());

/** Bytes of the given memfds a process has mapped, from /proc/<pid>/maps. */
function mappedBytes(pid: number, inodes: number[]): number {
  return fs
    .readFileSync(`/proc/${pid}/maps`, 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 6 && inodes.includes(Number(f[4])))
    .reduce((sum, f) => {
      const [start, end] = f[0]!.split('-').map((h) => parseInt(h, 16));
      return sum + (end! - start!);
    }, 0);
}

const edge = (g: ArchitectureGraph, id: string) => g.edges.find((e) => e.id === id);

test('an animated tab: IPC both ways, frames to the GPU process at a rate, and its tile pool as mapped there', async () => {
  const orbit = await openLive(b, 'https://orbit.example/');
  const pid = orbit.pid!;
  const gpu = (await b.listProcesses()).find((p) => p.role === 'gpu')!.pid;
  // The first reading starts the rates; the GPU process reports its clients every 250 ms.
  await b.architecture();
  const g = await waitFor(async () => {
    const now = await b.architecture();
    const sink = edge(now, `frame-sink:${pid}`);
    // The renderer reports its threads every 500 ms: its first frames can come before that.
    const threadsReported = (now.processes.find((p) => p.pid === pid)?.threads.length ?? 0) > 0;
    return sink && sink.forward!.messagesPerSecond > 0 && threadsReported && now;
  }, "the renderer's frame sink at a rate, and its threads");

  const ipc = edge(g, `ipc:${pid}`)!;
  expect(ipc).toMatchObject({ kind: 'ipc', from: process.pid, to: pid, toThread: 'io' });
  // The browser sent it init and open-tab; it sent ready, stats, a resource request, tab-loaded.
  expect(ipc.forward!.messages).toBeGreaterThanOrEqual(2);
  expect(ipc.back!.messages).toBeGreaterThanOrEqual(4);
  expect(ipc.back!.bytes).toBeGreaterThan(ipc.back!.messages * 4);
  expect(edge(g, `ipc:${gpu}`)).toMatchObject({ from: process.pid, to: gpu });

  const sink = edge(g, `frame-sink:${pid}`)!;
  expect(sink).toMatchObject({ from: pid, to: gpu, fromThread: 'compositor' });
  expect(sink.back!.messages).toBeGreaterThan(0); // welcome, granted, frame acks

  const pool = edge(g, `tile-pool:${pid}`)!;
  const inodes = tilePoolDescriptorsOf(pid).map((d) => d.inode);
  expect(pool).toMatchObject({ kind: 'tile-pool', from: pid, to: gpu, pools: inodes.length });
  expect(pool.poolBytes).toBe(mappedBytes(gpu, inodes));

  const renderer = g.processes.find((p) => p.pid === pid)!;
  expect(renderer.threads.map((t) => t.kind)).toEqual(expect.arrayContaining(['io', 'main', 'compositor', 'raster']));
  // Each thread's own V8 heap: the raster threads' is the smallest.
  const heap = (kind: string) => renderer.threads.find((t) => t.kind === kind)!.heapLimitMb!;
  expect(heap('raster')).toBeLessThan(heap('main'));
});

test('a plugin is an embed edge into the renderer of its tab, with a frame sink of its own', async () => {
  const page = await openLive(b, 'https://plugins.example/');
  const g = await waitFor(async () => {
    const now = await b.architecture();
    const embed = now.edges.find((e) => e.kind === 'embed' && e.tabId === page.id);
    return embed && edge(now, `frame-sink:${embed.from}`) && now;
  }, 'the plugin embedded in its tab and drawing');
  const embed = g.edges.find((e) => e.kind === 'embed' && e.tabId === page.id)!;
  expect(g.processes.find((p) => p.pid === embed.from)!.role).toBe('plugin');
  expect(embed.to).toBe(page.pid);
});

test('a killed renderer leaves the graph with all its edges; its tab stays, crashed', async () => {
  const news = await openLive(b, 'https://news.example/');
  await b.killProcess(news.pid!);
  const g = await waitFor(async () => {
    const now = await b.architecture();
    return !now.processes.some((p) => p.pid === news.pid) && now;
  }, 'the killed renderer to leave the graph');
  expect(g.edges.filter((e) => e.from === news.pid || e.to === news.pid)).toEqual([]);
  expect(g.tabs.find((t) => t.id === news.id)).toMatchObject({ state: 'crashed', crashReason: 'killed' });
});

/** The architecture view's graph: given processes, channel counts, pools and plugins → boxes and edges. */
import { type ArchitectureSources, buildArchitectureGraph } from '../../src/browser/ArchitectureGraph';
import { TrafficRates } from '../../src/browser/TrafficRates';
import type { ProcessInfo, TabInfo, ThreadInfo } from '../../src/common/controlApi';

const thread = (id: string, kind: string, busy = 0.1): ThreadInfo => ({ id, name: id, kind, busy, state: 'running' });
const proc = (pid: number, role: ProcessInfo['role'], threads: ThreadInfo[], tabs: number[] = []): ProcessInfo => ({
  pid,
  role,
  title: `${role} ${pid}`,
  tabs,
  cpuPercent: 0,
  rssBytes: 0,
  threads,
});
const rendererThreads = [
  thread('io', 'io'),
  thread('main', 'main'),
  thread('compositor', 'compositor'),
  thread('raster-1', 'raster'),
];
const tab = (id: number, pid: number | null, state: TabInfo['state'] = 'live'): TabInfo => ({
  id,
  url: `https://s${id}.example/`,
  title: `T${id}`,
  site: `https://s${id}.example`,
  pid,
  state,
  framesPresented: 0,
  surfaceId: `tab:${id}`,
  visible: false,
});
const counts = (sent: number, received: number) => ({
  sent: { messages: sent, bytes: sent * 100 },
  received: { messages: received, bytes: received * 10 },
});
const sink = (pid: number, frames: number, pools: number) => ({
  pid,
  pools,
  poolBytes: pools * 160 * 256 * 256 * 4,
  received: { messages: frames, bytes: frames * 1000 },
  sent: { messages: frames, bytes: frames * 50 },
});

/** Two sites, two renderers, a GPU process and a plugin embedded in tab 1. */
function sources(at: number, frames: number): ArchitectureSources {
  return {
    at,
    processes: [
      proc(1, 'browser', [thread('main', 'main')]),
      proc(10, 'gpu', [thread('main', 'display')]),
      proc(20, 'renderer', rendererThreads, [1]),
      proc(30, 'renderer', rendererThreads, [2]),
      proc(40, 'plugin', [thread('main', 'plugin')], [1]),
    ],
    ipc: new Map([
      [10, counts(5, frames)],
      [20, counts(3, 7)],
      [30, counts(3, 7)],
      [40, counts(2, 2)],
    ]),
    sinkClients: [sink(20, frames, 1), sink(30, frames, 2), sink(40, frames, 1)],
    embeds: [{ pluginPid: 40, rendererPid: 20, tabId: 1 }],
    tabs: [tab(1, 20), tab(2, 30)],
    display: { url: null, mode: 'gpu', gpuCrashes: 0 },
  };
}

describe('buildArchitectureGraph', () => {
  test('a box per process and, per child, an IPC edge from the browser with both directions counted', () => {
    const g = buildArchitectureGraph(sources(1000, 0), new TrafficRates());
    expect(g.processes.map((p) => p.pid)).toEqual([1, 10, 20, 30, 40]);
    const ipc = g.edges.filter((e) => e.kind === 'ipc');
    expect(ipc.map((e) => [e.from, e.to])).toEqual([
      [1, 10],
      [1, 20],
      [1, 30],
      [1, 40],
    ]);
    const toRenderer = ipc.find((e) => e.to === 20)!;
    expect(toRenderer.toThread).toBe('io');
    expect(toRenderer.forward).toMatchObject({ messages: 3, bytes: 300 });
    expect(toRenderer.back).toMatchObject({ messages: 7, bytes: 70 });
  });

  test("each renderer's compositor thread has a frame sink and a tile pool edge to the GPU process, with the pools' size", () => {
    const g = buildArchitectureGraph(sources(1000, 0), new TrafficRates());
    const sinks = g.edges.filter((e) => e.kind === 'frame-sink');
    expect(sinks.map((e) => [e.from, e.to, e.fromThread])).toEqual([
      [20, 10, 'compositor'],
      [30, 10, 'compositor'],
      [40, 10, undefined],
    ]);
    const pool = g.edges.find((e) => e.id === 'tile-pool:30')!;
    expect(pool).toMatchObject({ kind: 'tile-pool', from: 30, to: 10, pools: 2, poolBytes: 2 * 160 * 262144 });
  });

  test('a plugin instance is an embed edge into the renderer of its tab', () => {
    const g = buildArchitectureGraph(sources(1000, 0), new TrafficRates());
    expect(g.edges.filter((e) => e.kind === 'embed')).toEqual([
      { id: 'embed:40:1', kind: 'embed', from: 40, to: 20, tabId: 1 },
    ]);
  });

  test('rates are the change in the totals over the time between two builds', () => {
    const rates = new TrafficRates();
    buildArchitectureGraph(sources(1000, 0), rates);
    const g = buildArchitectureGraph(sources(1500, 30), rates);
    const s = g.edges.find((e) => e.id === 'frame-sink:20')!;
    expect(s.forward).toEqual({ messages: 30, bytes: 30000, messagesPerSecond: 60, bytesPerSecond: 60000 });
    expect(s.back!.messagesPerSecond).toBe(60);
    // The IPC edge to the renderer did not move: no rate.
    expect(g.edges.find((e) => e.id === 'ipc:20')!.forward!.messagesPerSecond).toBe(0);
  });

  test('a gone renderer loses its box and edges; its tab stays, crashed, for its sad tab', () => {
    const src = sources(1000, 0);
    src.processes = src.processes.filter((p) => p.pid !== 20);
    src.tabs = [{ ...tab(1, null, 'crashed'), crashReason: 'killed' }, tab(2, 30)];
    const g = buildArchitectureGraph(src, new TrafficRates());
    expect(g.edges.some((e) => e.from === 20 || e.to === 20)).toBe(false);
    expect(g.tabs[0]).toMatchObject({ id: 1, state: 'crashed', crashReason: 'killed' });
  });

  test('after the GPU fallback the frame sinks lead to the browser process', () => {
    const src = sources(1000, 0);
    src.processes = src.processes.filter((p) => p.role !== 'gpu');
    src.display = { url: null, mode: 'browser', gpuCrashes: 3 };
    const g = buildArchitectureGraph(src, new TrafficRates());
    expect(g.edges.filter((e) => e.kind === 'frame-sink').every((e) => e.to === 1)).toBe(true);
    expect(g.display).toEqual({ mode: 'browser', gpuCrashes: 3 });
  });
});

describe('TrafficRates', () => {
  test('measures over about the last second, however often asked', () => {
    const r = new TrafficRates();
    for (let t = 0; t <= 3000; t += 100) r.flow('k', t, { messages: t / 10, bytes: t });
    const f = r.flow('k', 3100, { messages: 3100 / 10, bytes: 3100 });
    expect(f.messagesPerSecond).toBeCloseTo(100, 5);
  });

  test('totals that go down (a new channel under the same key) start again instead of a negative rate', () => {
    const r = new TrafficRates();
    r.flow('k', 0, { messages: 100, bytes: 1000 });
    expect(r.flow('k', 500, { messages: 1, bytes: 10 }).messagesPerSecond).toBe(0);
  });
});

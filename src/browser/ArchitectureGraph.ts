/**
 * Builds the architecture view's graph from what the kernel knows: the Task Manager's processes
 * (boxes, threads and their busy fractions), each browser↔child channel's counts (`ipc` edges),
 * the display compositor's report on its clients (`frame-sink` and `tile-pool` edges) and the
 * plugin instances (`embed` edges). Pure: the sources in, the graph out; rates from `TrafficRates`.
 */
import type { ArchitectureEdge, ArchitectureGraph } from '../common/architecture';
import type { DisplayInfo, ProcessInfo, TabInfo } from '../common/controlApi';
import type { FrameSinkClientStats } from '../common/protocol';
import type { TrafficCounts } from '../platform/ChannelTraffic';
import type { TrafficRates } from './TrafficRates';

export interface ArchitectureSources {
  at: number;
  processes: ProcessInfo[];
  /** Each child's channel to the browser, by the child's PID. */
  ipc: ReadonlyMap<number, TrafficCounts>;
  /** The display compositor's clients: their pools and frame sink traffic. */
  sinkClients: readonly FrameSinkClientStats[];
  /** Plugin instances: which plugin process draws into which tab of which renderer. */
  embeds: readonly { pluginPid: number; rendererPid: number; tabId: number }[];
  tabs: readonly TabInfo[];
  display: DisplayInfo;
}

export function buildArchitectureGraph(src: ArchitectureSources, rates: TrafficRates): ArchitectureGraph {
  const browser = src.processes.find((p) => p.role === 'browser');
  const live = new Set(src.processes.map((p) => p.pid));
  const edges: ArchitectureEdge[] = [];
  const flow = (key: string, count: { messages: number; bytes: number }) => rates.flow(key, src.at, count);

  if (browser)
    for (const p of src.processes) {
      const counts = src.ipc.get(p.pid);
      if (p === browser || !counts) continue;
      const id = `ipc:${p.pid}`;
      edges.push({
        id,
        kind: 'ipc',
        from: browser.pid,
        to: p.pid,
        ...(p.role === 'renderer' ? { toThread: 'io' } : {}),
        forward: flow(`${id}>`, counts.sent),
        back: flow(`${id}<`, counts.received),
      });
    }

  // The display compositor runs in the GPU process, or in the browser process after the fallback.
  const display = src.processes.find((p) => p.role === 'gpu') ?? (src.display.mode === 'browser' ? browser : undefined);
  if (display)
    for (const c of src.sinkClients) {
      const client = src.processes.find((p) => p.pid === c.pid);
      if (!client) continue;
      const fromThread = client.role === 'renderer' ? 'compositor' : undefined;
      const sink = `frame-sink:${c.pid}`;
      edges.push({
        id: sink,
        kind: 'frame-sink',
        from: c.pid,
        to: display.pid,
        ...(fromThread ? { fromThread } : {}),
        forward: flow(`${sink}>`, c.received),
        back: flow(`${sink}<`, c.sent),
      });
      if (c.pools > 0)
        edges.push({
          id: `tile-pool:${c.pid}`,
          kind: 'tile-pool',
          from: c.pid,
          to: display.pid,
          pools: c.pools,
          poolBytes: c.poolBytes,
        });
    }

  for (const e of src.embeds) {
    if (!live.has(e.pluginPid) || !live.has(e.rendererPid)) continue;
    const id = `embed:${e.pluginPid}:${e.tabId}`;
    if (!edges.some((x) => x.id === id))
      edges.push({ id, kind: 'embed', from: e.pluginPid, to: e.rendererPid, tabId: e.tabId });
  }

  rates.retain(new Set(edges.flatMap((e) => [`${e.id}>`, `${e.id}<`])));
  return {
    at: src.at,
    processes: src.processes,
    edges,
    tabs: src.tabs.map((t) => ({
      id: t.id,
      title: t.title,
      site: t.site,
      pid: t.pid,
      state: t.state,
      ...(t.crashReason ? { crashReason: t.crashReason } : {}),
    })),
    display: { mode: src.display.mode, gpuCrashes: src.display.gpuCrashes },
  };
}

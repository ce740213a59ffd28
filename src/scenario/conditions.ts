/**
 * Checks one condition of a `wait` or `expect` step against the browser, once; the runner polls.
 * Each check says what it saw, so a failed expectation reads as what was expected and what was there.
 */
import { type SharedMemoryBlock, TILE_POOL_MAPPING } from '../common/sharedMemory';
import type { ScenarioState } from './ScenarioState';
import { describeProcess } from './ScenarioState';
import type { Condition } from './steps';
import { threadTimes } from './traceThreads';

export interface Check {
  ok: boolean;
  saw: string;
}

/** A condition bound to its step's start (frame counts and pids are taken when the step begins). */
export type Probe = () => Promise<Check>;

export async function probeFor(c: Condition, s: ScenarioState): Promise<Probe> {
  switch (c.kind) {
    case 'tab':
      return async () => {
        const t = s.tab(c.tab);
        const state = t.unresponsive ? 'unresponsive' : t.state;
        const ok =
          c.state === 'unresponsive'
            ? Boolean(t.unresponsive)
            : c.state === 'responsive'
              ? !t.unresponsive && t.state === 'live'
              : t.state === c.state && (!c.reason || t.crashReason === c.reason);
        return { ok, saw: `tab ${c.tab} is ${state}${t.crashReason ? ` (${t.crashReason})` : ''}` };
      };
    case 'frames': {
      const start = s.tab(c.tab).framesPresented;
      return async () => {
        const more = s.tab(c.tab).framesPresented - start;
        return { ok: more >= c.frames, saw: `tab ${c.tab} presented ${more} more frames` };
      };
    }
    case 'console':
      return async () => {
        const lines = s.api.consoleMessages(s.tabId(c.tab));
        return {
          ok: lines.some((l) => l.message.includes(c.text)),
          saw: `${lines.length} console lines, last: "${lines.at(-1)?.message ?? ''}"`,
        };
      };
    case 'process': {
      if (c.state === 'running')
        return async () => {
          const p = await s.find(c.process);
          return { ok: Boolean(p), saw: p ? `pid ${p.pid} runs` : `no ${describeProcess(c.process)} process` };
        };
      const pid = await s.pid(c.process);
      return async () => {
        const alive = (await s.api.listProcesses()).some((p) => p.pid === pid);
        return { ok: !alive, saw: `pid ${pid} ${alive ? 'still runs' : 'is gone'}` };
      };
    }
    case 'thread': {
      const pid = await s.pid(c.process);
      return async () => {
        const p = (await s.api.listProcesses()).find((x) => x.pid === pid);
        const t = p?.threads.find((x) => x.id === c.thread);
        const state = p ? (t?.state ?? 'absent') : 'gone with its process';
        return { ok: Boolean(t) && t?.state === c.state, saw: `thread ${c.thread} of pid ${pid} is ${state}` };
      };
    }
    case 'display':
      return async () => {
        const d = s.api.display();
        return {
          ok: d.mode === c.mode && d.url !== null,
          saw: `compositing in ${d.mode}${d.url ? '' : ' (restarting)'}`,
        };
      };
    case 'gpu-crashes':
      return async () => {
        const n = s.api.display().gpuCrashes;
        return { ok: n >= c.atLeast, saw: `${n} GPU process crashes` };
      };
    case 'event':
      return async () => {
        const n = s.eventsSeen.get(c.type) ?? 0;
        return { ok: n > 0, saw: `${n} ${c.type} events` };
      };
    case 'sandbox':
      return async () => {
        const p = await s.find(c.process);
        const sb = p?.sandbox;
        return {
          ok: Boolean(sb && sb.os === 'on' && sb.seccomp && sb.landlock !== false),
          saw: sb
            ? `os ${sb.os}, seccomp ${sb.seccomp ? `on (${sb.seccompFilters} filters)` : 'off'}, ` +
              `landlock ${sb.landlock === false ? 'off' : `ABI ${sb.landlock}`}`
            : `no sandbox report for the ${describeProcess(c.process)} process`,
        };
      };
    case 'raster-threads':
      return async () => {
        const report = await s.api.tileReport(s.tabId(c.tab));
        const threads = new Set(report.tiles.map((t) => t.thread).filter((t) => t !== null));
        return {
          ok: threads.size >= c.threads,
          saw: `${threads.size} raster threads drew ${report.tiles.length} tiles`,
        };
      };
    case 'scrolled':
      return async () => {
        const { y } = (await s.api.tileReport(s.tabId(c.tab))).scroll;
        return { ok: y >= c.pixels, saw: `tab ${c.tab} is scrolled to ${y}` };
      };
    case 'still':
      return stillProbe(c.tab, c.seconds, s);
    case 'messages':
      return messagesProbe(c, s);
    case 'shared':
      return async () => {
        const [a, b] = [await s.find(c.a), await s.find(c.b)];
        if (!a || !b) return { ok: false, saw: `there is no ${describeProcess(a ? c.b : c.a)} process` };
        const common = (await s.api.sharedMemory()).filter(
          (x) => x.mappedBy.some((m) => m.pid === a.pid) && x.mappedBy.some((m) => m.pid === b.pid),
        );
        return {
          ok: common.length > 0 === c.shared,
          saw: common.length
            ? `pids ${a.pid} and ${b.pid} both map ${common.map((x) => `${x.name} (${mib(x.bytes)})`).join(', ')}`
            : `pids ${a.pid} and ${b.pid} map no block in common`,
        };
      };
    case 'shared-memory-only-tile-pools':
      return async () => {
        const display = s.api.display().mode;
        const blocks = (await s.api.sharedMemory()).filter((x) => x.mappedBy.length >= 2);
        const isPool = (x: SharedMemoryBlock) =>
          x.name.startsWith(TILE_POOL_MAPPING) &&
          x.mappedBy.length === 2 &&
          x.mappedBy.some((m) => m.role === display) &&
          x.mappedBy.some((m) => m.role === 'renderer' || m.role === 'plugin');
        const describe = (x: SharedMemoryBlock) =>
          `${x.name} (${mib(x.bytes)}) mapped by ${x.mappedBy.map((m) => `${m.role} ${m.pid}`).join(' and ')}`;
        const other = blocks.filter((x) => !isPool(x));
        return {
          ok: blocks.length > 0 && other.length === 0,
          saw: other.length
            ? `besides tile pools, ${other.map(describe).join('; ')}`
            : `${blocks.length} blocks shared between processes, each a tile pool: ${blocks.map(describe).join('; ')}`,
        };
      };
    case 'busiest':
    case 'traced': {
      const pid = await s.pid(c.process);
      return async () => {
        if (!s.trace) return { ok: false, saw: 'no trace was recorded ("trace on" … "trace off" first)' };
        const threads = threadTimes(s.trace, pid);
        const thread = threads.find((t) => t.name === c.thread);
        if (!thread) return { ok: false, saw: `pid ${pid} has no thread ${c.thread} in the trace` };
        if (c.kind === 'traced') {
          const missing = c.slices.filter((x) => !thread.slices.has(x));
          return {
            ok: missing.length === 0,
            saw:
              `${c.thread} ran ${[...thread.slices].join(', ')}` +
              (missing.length ? `; not ${missing.join(', ')}` : ''),
          };
        }
        const total = threads.reduce((sum, t) => sum + t.busyUs, 0);
        return {
          ok: threads[0] === thread && (threads.length < 2 || thread.busyUs > threads[1].busyUs),
          saw: threads
            .map((t) => `${t.name} ${(t.busyUs / 1000).toFixed(1)} ms (${Math.round((100 * t.busyUs) / total)}%)`)
            .join(', '),
        };
      };
    }
  }
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** No new frame for `seconds` in a row, counted from the last frame seen since the step began. */
function stillProbe(tab: string, seconds: number, s: ScenarioState): Probe {
  let frames = s.tab(tab).framesPresented;
  let since = Date.now();
  return async () => {
    const now = s.tab(tab).framesPresented;
    if (now !== frames) [frames, since] = [now, Date.now()];
    const quiet = (Date.now() - since) / 1000;
    return {
      ok: quiet >= seconds,
      saw: `tab ${tab} presented no frame for ${quiet.toFixed(1)} s (${now} frames in all)`,
    };
  };
}

/** Messages each way on a process's channel since it opened, from the architecture view's counters. */
async function messagesProbe(c: Extract<Condition, { kind: 'messages' }>, s: ScenarioState): Promise<Probe> {
  const pid = await s.pid(c.process);
  const id = `${c.channel}:${pid}`;
  const counts = async () => {
    const edge = (await s.api.architecture()).edges.find((e) => e.id === id);
    return edge ? [edge.forward?.messages ?? 0, edge.back?.messages ?? 0] : null;
  };
  const ways = c.channel === 'ipc' ? ['browser → process', 'back'] : ['to the display compositor', 'back'];
  return async () => {
    const now = await counts();
    if (!now) return { ok: false, saw: `pid ${pid} has no ${c.channel} channel` };
    const [forward, back] = now;
    return {
      ok: forward >= c.messages && back >= c.messages,
      saw: `${c.channel} of pid ${pid}: ${forward} messages ${ways[0]}, ${back} ${ways[1]}`,
    };
  };
}

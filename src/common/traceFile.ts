/**
 * Merges the buffers of every traced thread into one file in Chrome's JSON Trace Event Format
 * (the object form: `traceEvents`, `displayTimeUnit`, `metadata`), which Perfetto and Chromium's
 * DevTools Performance panel open: process and thread names and sort order as metadata events
 * ('M'), every other event stamped with its process and thread, sorted by time. A flow is kept
 * only whole (one start, one end, every step between them in time), so a flow cut by the ring or by
 * the end of the trace never dangles in the viewer.
 */
import type { TraceEvent, TraceThread } from './protocol';

export interface TracedThread extends TraceThread {
  events: TraceEvent[];
  dropped: number;
}

export interface TracedProcess {
  pid: number;
  /** As Chromium names its processes: `Browser`, `Renderer`, `GPU Process`. */
  name: string;
  /** What the viewer shows beside the name: a renderer's site. */
  labels?: string;
  sortIndex: number;
  threads: TracedThread[];
}

/** One event as written: a recorded event with its process and thread. */
export type WrittenEvent = (TraceEvent | { name: string; ph: 'M'; args: Record<string, string | number> }) & {
  pid: number;
  tid: number;
  ts?: number;
};

export interface ChromeTrace {
  traceEvents: WrittenEvent[];
  displayTimeUnit: 'ms';
  metadata: Record<string, string | number>;
}

/** Builds the file; `metadata` says what the trace is (the product, when, what was dropped). */
export function buildTrace(processes: TracedProcess[], metadata: Record<string, string | number>): ChromeTrace {
  const meta: WrittenEvent[] = [];
  const timed: WrittenEvent[] = [];
  const owner = new Map<number, number>();
  let dropped = 0;
  for (const p of processes) {
    meta.push({ name: 'process_name', ph: 'M', pid: p.pid, tid: 0, args: { name: p.name } });
    meta.push({ name: 'process_sort_index', ph: 'M', pid: p.pid, tid: 0, args: { sort_index: p.sortIndex } });
    if (p.labels) meta.push({ name: 'process_labels', ph: 'M', pid: p.pid, tid: 0, args: { labels: p.labels } });
    for (const t of p.threads) {
      // A thread id claimed by another process (a renderer lying about its threads) is not merged
      // into that process's track: thread ids stay unique across the file.
      if ((owner.get(t.tid) ?? p.pid) !== p.pid) continue;
      owner.set(t.tid, p.pid);
      dropped += t.dropped;
      meta.push({ name: 'thread_name', ph: 'M', pid: p.pid, tid: t.tid, args: { name: t.name } });
      meta.push({ name: 'thread_sort_index', ph: 'M', pid: p.pid, tid: t.tid, args: { sort_index: t.sortIndex } });
      for (const e of t.events) timed.push({ ...e, pid: p.pid, tid: t.tid });
    }
  }
  // A slice before the flow steps that share its start, so a reader meets the slice first and binds them to it.
  timed.sort((a, b) => a.ts! - b.ts! || Number(a.ph !== 'X') - Number(b.ph !== 'X'));
  return {
    traceEvents: [...meta, ...wholeFlowsOnly(timed)],
    displayTimeUnit: 'ms',
    metadata: { ...metadata, 'minium-dropped-events': dropped },
  };
}

const flowKey = (e: { cat?: string; name: string; id?: string }) => `${e.cat}\u0000${e.name}\u0000${e.id}`;

/** Keeps the events of flows that have exactly one start and one end, in that order, and their steps between them. */
function wholeFlowsOnly(sorted: WrittenEvent[]): WrittenEvent[] {
  const ends = new Map<string, { s: number; f: number; orderly: boolean }>();
  for (const e of sorted) {
    if (e.ph !== 's' && e.ph !== 'f') continue;
    const c = ends.get(flowKey(e)) ?? { s: 0, f: 0, orderly: true };
    if (e.ph === 's') c.orderly &&= c.f === 0;
    c[e.ph]++;
    ends.set(flowKey(e), c);
  }
  const open = new Set<string>();
  return sorted.filter((e) => {
    if (e.ph !== 's' && e.ph !== 't' && e.ph !== 'f') return true;
    const key = flowKey(e);
    const c = ends.get(key);
    if (!c || c.s !== 1 || c.f !== 1 || !c.orderly) return false;
    if (e.ph === 's') open.add(key);
    else if (!open.has(key)) return false;
    else if (e.ph === 'f') open.delete(key);
    return true;
  });
}

/** A child process as a trace's start names it. */
export interface TracedChild {
  pid: number;
  /** `renderer`, `gpu`, `plugin`. */
  role: string;
  site?: string;
}

/** What `startTrace` resolves with, once every live child said it records or the wait ran out. */
export interface TraceStartResult {
  /** When the recording window opened: after the children's answers. */
  startedAt: number;
  /** Children that record, with how many of their threads said so in time and how many did not. */
  recording: (TracedChild & { threads: number; silentThreads: number })[];
  /**
   * Children that did not answer in time: their part of the trace may be missing; the file's
   * metadata names them too.
   */
  unacknowledged: TracedChild[];
}

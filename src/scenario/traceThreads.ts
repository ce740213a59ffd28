/**
 * How a recorded trace says one process's threads spent their time: for each thread (as Chromium
 * names it), the time it spent inside slices — nested slices counted once, as the union of their
 * intervals — and the names of the slices it ran. What `busiest` and `traced` read.
 */
import type { ChromeTrace } from '../common/controlApi';

export interface ThreadTime {
  name: string;
  /** Microseconds inside slices. */
  busyUs: number;
  slices: Set<string>;
}

/** The process's threads in the trace, busiest first. */
export function threadTimes(trace: ChromeTrace, pid: number): ThreadTime[] {
  const names = new Map<number, string>();
  const intervals = new Map<number, [number, number][]>();
  const slices = new Map<number, Set<string>>();
  for (const e of trace.traceEvents) {
    if (e.pid !== pid) continue;
    if (e.ph === 'M' && e.name === 'thread_name') names.set(e.tid, String(e.args.name));
    if (e.ph !== 'X' || e.ts === undefined) continue;
    const dur = 'dur' in e && typeof e.dur === 'number' ? e.dur : 0;
    let spans = intervals.get(e.tid);
    if (!spans) intervals.set(e.tid, (spans = []));
    spans.push([e.ts, e.ts + dur]);
    slices.set(e.tid, (slices.get(e.tid) ?? new Set()).add(e.name));
  }
  return [...names]
    .map(([tid, name]) => ({
      name,
      busyUs: unionLength(intervals.get(tid) ?? []),
      slices: slices.get(tid) ?? new Set(),
    }))
    .sort((a, b) => b.busyUs - a.busyUs);
}

function unionLength(spans: [number, number][]): number {
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

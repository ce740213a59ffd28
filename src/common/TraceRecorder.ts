/**
 * One thread's trace buffer (Chromium's per-thread TraceLog chunk): complete slices and flow
 * steps in a bounded ring, recorded only while tracing is on. Off, `slice` is a flag test and
 * a call: nothing is allocated, nothing kept. One per thread (each thread loads its own copy of
 * `platform/tracing`); the browser merges every thread's buffer into one Chrome JSON trace.
 */
import { LIMITS } from './limits';
import type { TraceEvent } from './protocol';

/** Microseconds on a clock every process shares (CLOCK_MONOTONIC on Linux). */
export type TraceClock = () => number;

/**
 * Every event's category. One for all, because DevTools binds a flow step to the slice with the
 * same category, process, thread and timestamp, while Perfetto and DevTools both match a flow's
 * steps by category, name and id: a flow crossing slices of several categories would fall apart.
 */
export const TRACE_CATEGORY = 'minium';

/** The flows Minium records, by name. */
export const FLOWS = {
  /** An input from the browser receiving it to the frame that shows it (Chromium's LatencyInfo). */
  input: 'LatencyInfo.Flow',
  /** A compositor frame from its submission to the display compositor drawing it (viz's Graphics.Pipeline). */
  frame: 'Graphics.Pipeline',
  /** A main-thread commit from the main thread to the compositor thread taking it. */
  commit: 'Commit',
  /** A tile from the compositor scheduling it to the raster thread drawing it. */
  raster: 'RasterTask',
} as const;
export type FlowKind = (typeof FLOWS)[keyof typeof FLOWS];

export type TraceArgs = Record<string, string | number | boolean>;

export interface TraceBuffer {
  events: TraceEvent[];
  /** Events overwritten because the ring was full. */
  dropped: number;
}

export class TraceRecorder {
  private ring: TraceEvent[] = [];
  private next = 0;
  private dropped = 0;
  private on = false;
  /** Start times of the slices running now, innermost last: a flow step binds to the innermost. */
  private readonly open: number[] = [];

  constructor(
    private readonly clock: TraceClock,
    private readonly capacity: number = LIMITS.traceEventsPerThread,
  ) {}

  get enabled(): boolean {
    return this.on;
  }

  /** Starts a fresh buffer. */
  start(): void {
    this.ring = [];
    this.next = 0;
    this.dropped = 0;
    this.on = true;
  }

  /** Stops recording and hands the buffer over, oldest event first. */
  stop(): TraceBuffer {
    this.on = false;
    const events =
      this.ring.length < this.capacity ? this.ring : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
    const buffer = { events, dropped: this.dropped };
    this.ring = [];
    this.next = 0;
    return buffer;
  }

  /** Runs `fn` inside a complete slice ('X'); flow steps recorded meanwhile bind to it. */
  slice<T>(name: string, fn: () => T, args?: TraceArgs): T {
    if (!this.on) return fn();
    const ts = this.clock();
    this.open.push(ts);
    try {
      return fn();
    } finally {
      this.open.pop();
      const dur = Math.max(0, this.clock() - ts);
      this.push({ name, cat: TRACE_CATEGORY, ph: 'X', ts, dur, ...(args ? { args } : {}) });
    }
  }

  /**
   * A flow's start ('s'), step ('t') or end ('f'), bound to the innermost slice running now: it
   * takes that slice's timestamp, which is how DevTools binds it (Perfetto binds to the slice
   * open at that time, the same one). Outside every slice there is nothing to bind to: not recorded.
   */
  flow(ph: 's' | 't' | 'f', kind: FlowKind, id: number): void {
    if (!this.on || !this.open.length) return;
    this.push({
      name: kind,
      cat: TRACE_CATEGORY,
      ph,
      ts: this.open[this.open.length - 1],
      id: `0x${id.toString(16)}`,
      ...(ph === 'f' ? { bp: 'e' as const } : {}),
    });
  }

  private push(e: TraceEvent): void {
    if (this.ring.length < this.capacity) {
      this.ring.push(e);
      return;
    }
    this.ring[this.next] = e;
    this.next = (this.next + 1) % this.capacity;
    this.dropped++;
  }
}

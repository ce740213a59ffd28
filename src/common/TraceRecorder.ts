/**
 * One thread's trace buffer (Chromium's per-thread TraceLog chunk): complete slices, instants and
 * flow steps in a bounded ring, recorded only while tracing is on. Off, `slice` is a flag test and
 * a call: nothing is allocated, nothing kept. One per thread (each thread loads its own copy of
 * `platform/tracing`); the browser merges every thread's buffer into one Chrome JSON trace.
 */
import { LIMITS } from './limits';
import type { TraceEvent } from './protocol';

/** Microseconds on a clock every process shares (CLOCK_MONOTONIC on Linux). */
export type TraceClock = () => number;

/** A flow is matched by its name, category and id (Perfetto's and Chrome's flow v1 rule). */
export interface FlowKind {
  name: string;
  cat: string;
}

/** The flows Minium records; each keeps one name and category from start to end. */
export const FLOWS = {
  /** An input from the browser receiving it to the frame that shows it (Chromium's LatencyInfo). */
  input: { name: 'LatencyInfo.Flow', cat: 'input' },
  /** A compositor frame from its submission to the display compositor drawing it (viz's Graphics.Pipeline). */
  frame: { name: 'Graphics.Pipeline', cat: 'viz' },
  /** A main-thread commit from the main thread to the compositor thread taking it. */
  commit: { name: 'Commit', cat: 'cc' },
  /** A tile from the compositor scheduling it to the raster thread drawing it. */
  raster: { name: 'RasterTask', cat: 'cc' },
} as const satisfies Record<string, FlowKind>;

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
  slice<T>(name: string, fn: () => T, args?: TraceArgs, cat = 'minium'): T {
    if (!this.on) return fn();
    const ts = this.clock();
    try {
      return fn();
    } finally {
      this.push({ name, cat, ph: 'X', ts, dur: Math.max(0, this.clock() - ts), ...(args ? { args } : {}) });
    }
  }

  /** A flow's start ('s'), step ('t') or end ('f'), bound to the slice running now. */
  flow(ph: 's' | 't' | 'f', kind: FlowKind, id: number): void {
    if (!this.on) return;
    this.push({
      name: kind.name,
      cat: kind.cat,
      ph,
      ts: this.clock(),
      id: `0x${id.toString(16)}`,
      ...(ph === 'f' ? { bp: 'e' as const } : {}),
    });
  }

  /** A moment on this thread ('i'). */
  instant(name: string, args?: TraceArgs, cat = 'minium'): void {
    if (!this.on) return;
    this.push({ name, cat, ph: 'i', s: 't', ts: this.clock(), ...(args ? { args } : {}) });
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

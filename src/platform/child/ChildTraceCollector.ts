/**
 * The child side of tracing, in the thread that talks to the browser: one per child process. A
 * `trace-start` from the browser is broadcast to every thread that joined the process's trace
 * (`joinProcessTrace`); a `trace-stop` is broadcast too, and each thread's buffer goes to the
 * browser in pieces of at most `traceEventsPerMessage` events, then `trace-end`. A thread that does
 * not answer in time (a main thread stuck in page script) is left out rather than waited for.
 */
import { BroadcastChannel } from 'node:worker_threads';
import { LIMITS } from '../../common/limits';
import type { TraceData, TraceEnd } from '../../common/protocol';
import { TRACE_BUFFERS, TRACE_ORDERS, type ThreadTraceOrder, tracer } from '../tracing';

/** How long a stop waits for the threads' buffers. */
export const TRACE_COLLECT_MS = 1000;

export class ChildTraceCollector {
  private readonly orders = new BroadcastChannel(TRACE_ORDERS);
  private readonly buffers = new BroadcastChannel(TRACE_BUFFERS);
  private collecting: { requestId: number; waiting: number; timer: NodeJS.Timeout } | null = null;
  private on = false;

  /** `threads`: how many threads joined the trace and will answer a stop. */
  constructor(
    private readonly send: (m: TraceData | TraceEnd) => void,
    private readonly threads: () => number,
  ) {
    this.orders.unref();
    this.buffers.unref();
    this.buffers.onmessage = (e) => this.received((e as { data: TraceData }).data);
  }

  /** Whether the process is tracing: a thread started now must start recording itself. */
  get tracing(): boolean {
    return this.on;
  }

  start(): void {
    this.on = true;
    // This thread at once: the next message from the browser (an input) must already be recorded.
    // The other threads start when the broadcast reaches them, a moment later.
    if (!tracer.enabled) tracer.start();
    this.broadcast({ type: 'trace-start' });
  }

  stop(requestId: number): void {
    this.on = false;
    if (this.collecting) this.finish();
    const timer = setTimeout(() => this.finish(), TRACE_COLLECT_MS);
    this.collecting = { requestId, waiting: this.threads(), timer };
    this.broadcast({ type: 'trace-stop', requestId });
  }

  private broadcast(order: ThreadTraceOrder): void {
    this.orders.postMessage(order);
  }

  private received(data: TraceData): void {
    const c = this.collecting;
    if (!c || data.requestId !== c.requestId) return;
    for (let at = 0; at === 0 || at < data.events.length; at += LIMITS.traceEventsPerMessage) {
      const events = data.events.slice(at, at + LIMITS.traceEventsPerMessage);
      this.send({ ...data, events, dropped: at === 0 ? data.dropped : 0 });
    }
    if (--c.waiting <= 0) this.finish();
  }

  private finish(): void {
    const c = this.collecting;
    if (!c) return;
    clearTimeout(c.timer);
    this.collecting = null;
    this.send({ type: 'trace-end', requestId: c.requestId });
  }
}

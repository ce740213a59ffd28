/**
 * The child side of tracing, in the thread that talks to the browser: one per child process. A
 * `trace-start` from the browser is broadcast to every thread that joined the process's trace
 * (`joinProcessTrace`); once each has said it records, the child answers `trace-started` (Chromium's
 * per-process acknowledgement of StartTracing). A `trace-stop` is broadcast too, and each thread's
 * buffer goes to the browser in pieces of at most `traceEventsPerMessage` events, then `trace-end`.
 * A thread that does not answer in time (a main thread stuck in page script) is counted silent at
 * a start and left out at a stop, rather than waited for.
 */
import { BroadcastChannel } from 'node:worker_threads';
import { LIMITS } from '../../common/limits';
import type { TraceData, TraceEnd, TraceOrder, TraceStarted } from '../../common/protocol';
import { TRACE_BUFFERS, TRACE_ORDERS, type ThreadTraceAnswer, type ThreadTraceOrder, tracer } from '../tracing';

/** How long a start or a stop waits for the threads' answers. */
export const TRACE_COLLECT_MS = 1000;

/** One broadcast waiting for the threads' answers. */
interface Round {
  requestId: number;
  expected: number;
  answered: number;
  timer: NodeJS.Timeout;
}

export class ChildTraceCollector {
  private readonly orders = new BroadcastChannel(TRACE_ORDERS);
  private readonly buffers = new BroadcastChannel(TRACE_BUFFERS);
  private starting: Round | null = null;
  private collecting: Round | null = null;
  private on = false;

  /** `threads`: how many threads joined the trace and will answer a start or a stop. */
  constructor(
    private readonly send: (m: TraceStarted | TraceData | TraceEnd) => void,
    private readonly threads: () => number,
  ) {
    this.orders.unref();
    this.buffers.unref();
    this.buffers.onmessage = (e) => this.received((e as { data: ThreadTraceAnswer }).data);
  }

  /** Whether the process is tracing: a thread started now must start recording itself. */
  get tracing(): boolean {
    return this.on;
  }

  /** Carries out the browser's order: start, or stop. */
  obey(order: TraceOrder): void {
    if (order.type === 'trace-start') this.start(order.requestId);
    else this.stop(order.requestId);
  }

  start(requestId: number): void {
    this.on = true;
    // This thread at once: the next message from the browser (an input) must already be recorded.
    // The other threads start when the broadcast reaches them, a moment later; the answer waits for them.
    if (!tracer.enabled) tracer.start();
    if (this.starting) this.started();
    this.starting = this.round(requestId, () => this.started());
    this.broadcast({ type: 'trace-start', requestId });
  }

  stop(requestId: number): void {
    this.on = false;
    if (this.starting) this.started();
    if (this.collecting) this.finish();
    this.collecting = this.round(requestId, () => this.finish());
    this.broadcast({ type: 'trace-stop', requestId });
  }

  private round(requestId: number, expire: () => void): Round {
    return { requestId, expected: this.threads(), answered: 0, timer: setTimeout(expire, TRACE_COLLECT_MS) };
  }

  private broadcast(order: ThreadTraceOrder): void {
    this.orders.postMessage(order);
  }

  private received(answer: ThreadTraceAnswer): void {
    if (answer.type === 'thread-started') {
      const s = this.starting;
      if (s && answer.requestId === s.requestId && ++s.answered >= s.expected) this.started();
      return;
    }
    const c = this.collecting;
    if (!c || answer.requestId !== c.requestId) return;
    for (let at = 0; at === 0 || at < answer.events.length; at += LIMITS.traceEventsPerMessage) {
      const events = answer.events.slice(at, at + LIMITS.traceEventsPerMessage);
      this.send({ ...answer, events, dropped: at === 0 ? answer.dropped : 0 });
    }
    if (++c.answered >= c.expected) this.finish();
  }

  private started(): void {
    const s = this.starting;
    if (!s) return;
    clearTimeout(s.timer);
    this.starting = null;
    const threads = Math.min(s.answered, LIMITS.threadsPerProcess);
    const silent = Math.min(Math.max(0, s.expected - s.answered), LIMITS.threadsPerProcess);
    this.send({ type: 'trace-started', requestId: s.requestId, threads, silent });
  }

  private finish(): void {
    const c = this.collecting;
    if (!c) return;
    clearTimeout(c.timer);
    this.collecting = null;
    this.send({ type: 'trace-end', requestId: c.requestId });
  }
}

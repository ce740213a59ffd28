/**
 * This thread's trace recorder, and the thread's identity in a trace. Module state is per thread
 * (every worker thread loads its own copy), so `tracer` is this thread's own ring. Timestamps are
 * CLOCK_MONOTONIC in microseconds (`process.hrtime`), the clock every process on the machine shares,
 * so buffers from different processes merge without adjustment. Thread ids are the kernel's
 * (`/proc/thread-self`), unique across processes.
 *
 * Inside a child, a thread joins its process's trace with `joinProcessTrace`: the thread that
 * talks to the browser (`ChildTraceCollector`) broadcasts start and stop on a BroadcastChannel,
 * and each thread answers a start once it records, and a stop with its buffer.
 */
import * as fs from 'node:fs';
import { BroadcastChannel, threadId } from 'node:worker_threads';
import { TraceRecorder } from '../common/TraceRecorder';
import type { TraceData, TraceThread } from '../common/protocol';

export const traceClock = (): number => Number(process.hrtime.bigint()) / 1000;

export const tracer = new TraceRecorder(traceClock);

/** Broadcast by the collector: start, or stop; each thread answers `requestId`. */
export type ThreadTraceOrder = { type: 'trace-start' | 'trace-stop'; requestId: number };
export const TRACE_ORDERS = 'minium:trace-orders';
/** A thread's answer: it records now, or its buffer. */
export type ThreadTraceAnswer = { type: 'thread-started'; requestId: number } | TraceData;
/** Each thread's answers, to the collector only (no other thread deserializes them). */
export const TRACE_BUFFERS = 'minium:trace-buffers';

/**
 * A flow id unique across the machine's processes: this process's id above a serial of its own
 * (a commit, a frame, a raster task), well inside JavaScript's exact integers.
 */
export function processFlowId(serial: number): number {
  return (process.pid % 2 ** 22) * 2 ** 24 + (serial % 2 ** 24);
}

/** The kernel's id for the calling thread; elsewhere than Linux, one made unique from pid and thread. */
export function osThreadId(): number {
  try {
    return Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return (process.pid % 2 ** 22) * 1000 + (threadId % 1000);
  }
}

/** This thread as the trace names it, read once: its kernel id never changes. */
export function traceThread(name: string, sortIndex: number): TraceThread {
  return { tid: osThreadId(), name, sortIndex };
}

/** Held for the thread's life: a channel nothing references can be collected, and would stop hearing orders. */
const joined: BroadcastChannel[] = [];

/**
 * Makes this thread record when its process traces; `name` as Chromium names the thread.
 * `tracingNow`: the process was already tracing when this thread started (it missed the start).
 */
export function joinProcessTrace(name: string, sortIndex: number, tracingNow = false): void {
  const thread = traceThread(name, sortIndex);
  if (tracingNow) tracer.start();
  const orders = new BroadcastChannel(TRACE_ORDERS);
  const buffers = new BroadcastChannel(TRACE_BUFFERS);
  joined.push(orders, buffers);
  orders.unref();
  buffers.unref();
  orders.onmessage = (e) => {
    const m = (e as { data: ThreadTraceOrder }).data;
    let answer: ThreadTraceAnswer;
    if (m.type === 'trace-start') {
      if (!tracer.enabled) tracer.start();
      answer = { type: 'thread-started', requestId: m.requestId };
    } else {
      const { events, dropped } = tracer.stop();
      answer = { type: 'trace-data', requestId: m.requestId, thread, events, dropped };
    }
    buffers.postMessage(answer);
  };
}

/**
 * Each thread's own V8 heap, for the Task Manager and `bench memory`, and its reduction once a
 * renderer goes quiet. A worker_thread's heap can only be read or reduced from inside it (Node 20
 * has no Worker.getHeapStatistics), so the thread that owns the others asks, and each answers on
 * its parent port.
 */
import * as v8 from 'node:v8';
import type { MessagePort } from 'node:worker_threads';
import type { ThreadHeap } from '../../common/protocol';
import { native } from '../native';

/** Asks a thread for its heap figures, or to reduce its heap now (`reduceHeap`). */
export type HeapRequest = { type: 'heap-request' } | { type: 'reduce-heap' };
export interface HeapAnswer {
  type: 'heap';
  heap: ThreadHeap;
}

export function isHeapRequest(m: { type?: unknown }): m is HeapRequest {
  return m.type === 'heap-request' || m.type === 'reduce-heap';
}

/** This thread's heap, now. */
export function heapFigures(): ThreadHeap {
  const s = v8.getHeapStatistics();
  return { totalBytes: s.total_heap_size, usedBytes: s.used_heap_size, externalBytes: s.external_memory };
}

/**
 * Tells this thread's isolate that memory is critical (the addon's `reduceIsolateMemory`): V8
 * collects at once and shrinks its young generation, which grew while the page loaded and which V8
 * otherwise keeps at its largest for good; then malloc returns its free pages to the system.
 */
export function reduceHeap(): void {
  native().reduceIsolateMemory();
}

/** Answers every heap request that reaches this thread's parent port; other messages are its own listeners'. */
export function answerHeapRequests(port: MessagePort): void {
  port.on('message', (m: { type?: unknown }) => {
    if (m.type === 'heap-request') port.postMessage({ type: 'heap', heap: heapFigures() } satisfies HeapAnswer);
    if (m.type === 'reduce-heap') reduceHeap();
  });
}

/**
 * Chromium's renderer lets V8 reduce its heaps once a page has stopped allocating (V8's memory
 * reducer, after load) rather than keep what loading grew. This one reduces every thread's heap
 * once the renderer has been quiet for `delayMs` after its last page load; each new load restarts
 * the wait, so a renderer loading several pages reduces once, after the last.
 */
export class HeapReducer {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly delayMs: number,
    private readonly reduceAll: () => void,
  ) {}

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.reduceAll();
    }, this.delayMs);
    this.timer.unref();
  }
}

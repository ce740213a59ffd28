/**
 * Each thread's own V8 heap, for the Task Manager and `bench memory`. A worker_thread's heap can
 * only be read from inside it (Node 20 has no Worker.getHeapStatistics), so the thread that owns
 * the others asks, and each answers on its parent port.
 */
import * as v8 from 'node:v8';
import type { MessagePort } from 'node:worker_threads';
import type { ThreadHeap } from '../../common/protocol';

export interface HeapRequest {
  type: 'heap-request';
}
export interface HeapAnswer {
  type: 'heap';
  heap: ThreadHeap;
}

/** This thread's heap, now. */
export function heapFigures(): ThreadHeap {
  const s = v8.getHeapStatistics();
  return { totalBytes: s.total_heap_size, usedBytes: s.used_heap_size, externalBytes: s.external_memory };
}

/** Answers every heap request that reaches this thread's parent port; other messages are its own listeners'. */
export function answerHeapRequests(port: MessagePort): void {
  port.on('message', (m: { type?: unknown }) => {
    if (m.type === 'heap-request') port.postMessage({ type: 'heap', heap: heapFigures() } satisfies HeapAnswer);
  });
}

/**
 * Faults on demand, for showing the blast radius (CLAIMS.md MT3, RT6) and for the debug URLs
 * (`minium://crash` …): an uncaught exception ends only the thread it is thrown in; a memory
 * fault ends the whole process, whichever thread did it; exhausting a thread's JS heap or the
 * process's memory ends the whole process as `oom` (the IO thread sees to it); a hang blocks the
 * thread without ending anything.
 */
import { parentPort } from 'node:worker_threads';
import { native } from '../../../platform/native';
import type { CrashHow, OutOfMemory } from '../threadMessages';

/** chrome://shorthang's block. */
const SHORT_HANG_MS = 20_000;
/** memory-exhaust's step: big enough to outrun any page, small enough that the budget's sampling keeps up. */
const EXHAUST_CHUNK_BYTES = 32 * 1024 * 1024;
const EXHAUST_PAUSE_MS = 10;

/** A worker thread tells the IO thread, which ends the process as `oom`. */
const tellIoThread = (detail: string) =>
  parentPort?.postMessage({ type: 'out-of-memory', detail } satisfies OutOfMemory);

/**
 * @param outOfMemory called when an allocation fails (memory-exhaust): the process must end as
 *   `oom`. The IO thread passes its own ending; the other threads tell the IO thread.
 */
export function crashThisThread(how: CrashHow, thread: string, outOfMemory = tellIoThread): void {
  switch (how) {
    case 'segfault':
      return native().fault();
    case 'exception':
      return void setImmediate(() => {
        throw new Error(`Requested crash: an uncaught exception on the ${thread} thread`);
      });
    case 'oom':
      return exhaustHeap();
    case 'hang':
      for (;;); // as chrome://hang: the thread never yields again
    case 'shorthang':
      // As chrome://shorthang: the thread sleeps, then carries on as if nothing happened.
      return void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SHORT_HANG_MS);
    case 'memory-exhaust':
      return exhaustMemory(thread, outOfMemory);
  }
}

/** Fills the thread's V8 heap until V8 gives up: a worker ends with ERR_WORKER_OUT_OF_MEMORY. */
function exhaustHeap(): never {
  const hoard: number[][] = [];
  for (;;) hoard.push(new Array<number>(1 << 20).fill(hoard.length));
}

/**
 * As chrome://memory-exhaust: allocates and touches memory outside the JS heap (ArrayBuffers)
 * until the browser's memory budget ends the process or an allocation fails.
 */
function exhaustMemory(thread: string, outOfMemory: (detail: string) => void): void {
  const hoard: Uint8Array[] = [];
  const step = () => {
    try {
      hoard.push(new Uint8Array(EXHAUST_CHUNK_BYTES).fill(1));
    } catch (e) {
      return outOfMemory(`${thread} thread could not allocate after ${hoard.length * 32} MiB: ${String(e)}`);
    }
    setTimeout(step, EXHAUST_PAUSE_MS);
  };
  step();
}

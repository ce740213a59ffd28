/**
 * Faults on demand, for showing the blast radius (CLAIMS.md MT3, RT6): an uncaught exception ends
 * only the thread it is thrown in; a memory fault ends the whole process, whichever thread did it.
 */
import { native } from '../../../platform/native';
import type { CrashHow } from '../threadMessages';

export function crashThisThread(how: CrashHow, thread: string): void {
  if (how === 'segfault') native().fault();
  setImmediate(() => {
    throw new Error(`Requested crash: an uncaught exception on the ${thread} thread`);
  });
}

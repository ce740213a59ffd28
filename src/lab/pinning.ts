/**
 * Pinning the lab's own thread for a measurement that needs to know where it runs: a context
 * switch on one CPU, a race across two. Linux only (the addon's setAffinity); elsewhere null.
 */
import { native } from '../platform/native';

/** The CPUs this thread may run on, or null where the addon cannot pin. */
export function allowedCpus(): number[] | null {
  const n = native();
  return n.getAffinity && n.setAffinity ? n.getAffinity() : null;
}

/** Runs fn with this thread pinned to `cpu`, then gives it back every CPU it had. */
export function withThreadPinned<T>(cpu: number, fn: () => T): T {
  const n = native();
  if (!n.getAffinity || !n.setAffinity) throw new Error('pinning a thread to a CPU needs Linux (sched_setaffinity)');
  const allowed = n.getAffinity();
  n.setAffinity([cpu]);
  try {
    return fn();
  } finally {
    n.setAffinity(allowed);
  }
}

/**
 * Why a child process ended, in Electron's `child-process-gone` vocabulary.
 * Pure, so both launchers and the tests share one mapping.
 */
export type ExitReason = 'clean-exit' | 'abnormal-exit' | 'killed' | 'crashed' | 'oom' | 'launch-failed';

export interface ExitFacts {
  code: number | null;
  signal: string | null;
  /** The process never became ready (it failed to start or died before saying hello). */
  neverReady: boolean;
  /** The last lines the process wrote to stderr, where V8 announces running out of memory. */
  stderrTail: string;
}

/**
 * The exit code a renderer ends with when one of its threads ran out of memory (a worker's
 * `ERR_WORKER_OUT_OF_MEMORY`, an allocation that failed): one code, so the browser reads `oom`
 * from the exit alone, as Chromium reads its own OOM result codes.
 */
export const OOM_EXIT_CODE = 86;

const FATAL_SIGNALS = new Set(['SIGSEGV', 'SIGBUS', 'SIGILL', 'SIGFPE', 'SIGABRT', 'SIGTRAP', 'SIGSYS']);
const OOM_MARKERS = [/JavaScript heap out of memory/i, /Reached heap limit/i, /Out of memory/i];

export function exitReason(f: ExitFacts): ExitReason {
  if (f.code === OOM_EXIT_CODE || OOM_MARKERS.some((m) => m.test(f.stderrTail))) return 'oom';
  if (f.signal && FATAL_SIGNALS.has(f.signal)) return 'crashed';
  if (f.signal) return 'killed'; // SIGKILL, SIGTERM, SIGINT, SIGHUP: ended from outside
  if (f.neverReady && f.code !== 0) return 'launch-failed';
  // A shell reports death by signal N as 128+N; Electron reports some crashes that way too.
  if (f.code !== null && f.code > 128 && f.code < 160) {
    return FATAL_SIGNALS_BY_NUMBER.has(f.code - 128) ? 'crashed' : 'killed';
  }
  return f.code === 0 ? 'clean-exit' : 'abnormal-exit';
}

// Linux numbering of the fatal signals above (SIGILL 4, SIGTRAP 5, SIGABRT 6, SIGBUS 7, SIGFPE 8,
// SIGSEGV 11, SIGSYS 31).
const FATAL_SIGNALS_BY_NUMBER = new Set([4, 5, 6, 7, 8, 11, 31]);

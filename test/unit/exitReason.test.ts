import { exitReason, OOM_EXIT_CODE } from '../../src/common/exitReason';

const base = { code: null, signal: null, neverReady: false, stderrTail: '' };

describe('exitReason', () => {
  test.each([
    [{ code: 0 }, 'clean-exit'],
    [{ code: 3 }, 'abnormal-exit'],
    [{ signal: 'SIGKILL' }, 'killed'],
    [{ signal: 'SIGTERM' }, 'killed'],
    [{ signal: 'SIGSEGV' }, 'crashed'],
    [{ signal: 'SIGABRT' }, 'crashed'],
    [{ code: 139 }, 'crashed'],
    [{ code: 137 }, 'killed'],
    [{ code: OOM_EXIT_CODE }, 'oom'],
    [{ code: 1, neverReady: true }, 'launch-failed'],
    [
      {
        signal: 'SIGABRT',
        stderrTail: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      },
      'oom',
    ],
  ] as const)('%j → %s', (facts, reason) => {
    expect(exitReason({ ...base, ...facts })).toBe(reason);
  });

  test('a process that was killed before it was ready is killed, not a failed launch', () => {
    expect(exitReason({ ...base, signal: 'SIGKILL', neverReady: true })).toBe('killed');
  });
});

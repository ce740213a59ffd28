import type { Estimate, IpcCell, IpcLabReport } from '../../src/common/labReports';
import { ipcVerdicts } from '../../src/lab/ipc/verdicts';

/** Nine repetitions within 2% of the median: a tight 96% interval. */
const tight = (median: number): Estimate => ({
  median,
  low: median * 0.98,
  high: median * 1.02,
  n: 9,
  confidence: 0.961,
});

const cell = (
  mechanism: string,
  between: 'processes' | 'threads',
  size: number,
  rttUs: number,
  mbPerS: number,
): IpcCell => ({
  mechanism,
  between,
  size,
  rtt: { median: rttUs, p99: rttUs * 3, samples: 100, spread: tight(rttUs) },
  throughput: { bytesPerSecond: mbPerS * 1e6, messages: 10, spread: tight(mbPerS * 1e6) },
});

function report(cells: IpcCell[], race: IpcLabReport['race'] = null): Omit<IpcLabReport, 'verdicts'> {
  return {
    lab: 'ipc',
    date: '',
    machine: {},
    options: { quick: true, sizes: [64, 4096] },
    mechanisms: [],
    cells,
    references: [],
    race,
    fifoServer: null,
    pipeDirection: null,
  };
}

const verdict = (r: Omit<IpcLabReport, 'verdicts'>, id: string) => ipcVerdicts(r).find((v) => v.id === id);

describe('IPC lab verdicts', () => {
  test('IPC3 and SHM1 follow the measured order, whichever way it comes out', () => {
    const fastShm = report([
      cell('shm', 'processes', 64, 2, 40),
      cell('pipe', 'processes', 64, 90, 10),
      cell('sab', 'threads', 64, 1, 30),
    ]);
    expect(verdict(fastShm, 'SHM1')?.verdict).toBe('holds');
    expect(verdict(fastShm, 'IPC3')?.verdict).toBe('holds');
    const slowShm = report([
      cell('shm', 'processes', 64, 120, 40),
      cell('pipe', 'processes', 64, 90, 10),
      cell('sab', 'threads', 64, 300, 30),
    ]);
    expect(verdict(slowShm, 'SHM1')?.verdict).toBe('does not hold here');
    expect(verdict(slowShm, 'IPC3')?.verdict).toBe('does not hold here');
    expect(verdict(slowShm, 'IPC3')?.because).toMatch(/pipe 90 µs.*sab 300 µs/);
  });

  test('SHM2 needs torn reads without synchronization and none with it', () => {
    const race = (torn: number, lockedTorn: number) => ({
      size: 4096,
      milliseconds: 100,
      unsynchronized: { reads: 100, torn, retries: 0 },
      seqlock: { reads: 50, torn: lockedTorn, retries: 9 },
    });
    expect(verdict(report([], race(40, 0)), 'SHM2')?.verdict).toBe('holds');
    expect(verdict(report([], race(0, 0)), 'SHM2')?.verdict).toBe('inconclusive here');
    expect(verdict(report([], race(40, 2)), 'SHM2')?.verdict).toBe('does not hold here');
  });

  test('MQ2 compares 4 KiB throughput; claims without figures are not measured', () => {
    const r = report([cell('mq', 'processes', 4096, 60, 150), cell('shm', 'processes', 4096, 8, 500)]);
    expect(verdict(r, 'MQ2')?.verdict).toBe('does not hold here');
    expect(verdict(r, 'SOCK1')?.verdict).toBe('not measured');
    expect(verdict(r, 'IPC3')?.verdict).toBe('not measured');
  });
});

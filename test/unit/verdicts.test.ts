import type { Estimate, IpcCell, IpcLabReport } from '../../src/common/labReports';
import { ipcVerdicts } from '../../src/lab/ipc/verdicts';
import { estimate } from '../../src/lab/stats';
import { judge, pairedRatio } from '../../src/lab/verdict';

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

function report(
  cells: IpcCell[],
  race: IpcLabReport['race'] = null,
  frequentIo: IpcLabReport['frequentIo'] = null,
): Omit<IpcLabReport, 'verdicts'> {
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
    frequentIo,
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

  test('MQ2 reads the pairs of small-message bursts, not the 4 KiB stream; claims without figures are not measured', () => {
    // Two sides whose own intervals overlap (load moved every burst), but in every pair the queue
    // carried more: the pairs decide.
    const mq = [300e3, 520e3, 310e3, 480e3, 330e3, 450e3, 350e3, 420e3, 360e3];
    const shm = mq.map((x) => x / 1.3);
    const frequentIo = { size: 64, messages: 5000, mq: estimate(mq), shm: estimate(shm), ratio: pairedRatio(mq, shm)! };
    const r = report(
      [cell('mq', 'processes', 4096, 60, 150), cell('shm', 'processes', 4096, 8, 500)],
      null,
      frequentIo,
    );
    const mq2 = verdict(r, 'MQ2');
    expect(mq2?.verdict).toBe('holds');
    expect(mq2?.ratio?.low).toBeCloseTo(1.3, 6);
    expect(mq2?.because).toMatch(
      /64-byte messages.*9 pairs.*message queue 360 k messages\/s.*repetition by repetition/,
    );
    expect(judge(frequentIo.mq, frequentIo.shm, 1).verdict).toBe('inconclusive here');

    const faster = report([], null, {
      ...frequentIo,
      mq: frequentIo.shm,
      shm: frequentIo.mq,
      ratio: pairedRatio(shm, mq)!,
    });
    expect(verdict(faster, 'MQ2')?.verdict).toBe('does not hold here');
    expect(
      verdict(report([], null, { size: 64, messages: 5000, error: 'frequent I/O: mq_open failed' }), 'MQ2'),
    ).toMatchObject({
      verdict: 'not measured',
      because: 'frequent I/O: mq_open failed',
    });
    expect(verdict(r, 'SOCK1')?.verdict).toBe('not measured');
    expect(verdict(r, 'IPC3')?.verdict).toBe('not measured');
  });
});

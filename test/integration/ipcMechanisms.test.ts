/**
 * Every IPC lab mechanism between real processes (or threads): random payloads of several sizes,
 * over 64 KiB included, come back byte for byte; streams arrive complete and in order; nothing
 * is left behind, also when the peer is killed.
 */
import { runFifoServerDemo } from '../../src/lab/ipc/fifoServer';
import { native } from '../../src/platform/native';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expectedTally } from '../../src/lab/ipc/Tallier';
import { MECHANISMS } from '../../src/lab/ipc/mechanisms';

const SIZES = [1, 64, 4096, 70_000, 1024 * 1024 + 3];
let workDir: string;
beforeEach(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minium-lab-test-'));
});
afterEach(() => fs.rmSync(workDir, { recursive: true, force: true }));

describe.each(MECHANISMS.map((m) => [m.id, m] as const))('%s', (_id, mechanism) => {
  test('round trips random payloads of every size, byte for byte', async () => {
    const link = await mechanism.open(workDir);
    try {
      for (const size of SIZES) {
        const payload = randomBytes(size);
        const back = await link.roundTrip(payload);
        expect(back.length).toBe(size);
        expect(back.equals(payload)).toBe(true);
      }
    } finally {
      await link.close();
    }
  });

  test('a stream arrives complete and in order (checksummed)', async () => {
    const link = await mechanism.open(workDir);
    try {
      for (const [size, count] of [
        [100, 500],
        [100_000, 12],
      ] as const) {
        const payload = randomBytes(size);
        expect(await link.stream(payload, count)).toEqual(expectedTally(payload, count));
      }
    } finally {
      await link.close();
    }
  });

  test('closing leaves nothing behind', async () => {
    const link = await mechanism.open(workDir);
    await link.roundTrip(randomBytes(10));
    await link.close();
    expect(fs.readdirSync(workDir)).toEqual([]);
    expect(kernelObjects()).toEqual([]);
  });
});

test.each(MECHANISMS.filter((m) => m.between === 'processes').map((m) => [m.id, m] as const))(
  '%s: a killed peer is a clear error, and clean-up still happens',
  async (_id, mechanism) => {
    const link = await mechanism.open(workDir);
    await link.roundTrip(randomBytes(10));
    // Kill the peer from outside, as a person would.
    const pid = findPeerPid();
    process.kill(pid, 'SIGKILL');
    await expect(link.roundTrip(randomBytes(10))).rejects.toThrow(/peer|closed|ended|lost|EPIPE|ECONNRESET/);
    await link.close();
    expect(fs.readdirSync(workDir)).toEqual([]);
    expect(kernelObjects()).toEqual([]);
  },
);

/**
 * Shared-memory segments and message queues (where /dev/mqueue is mounted) this process created and
 * has not removed.
 */
function kernelObjects(): string[] {
  const ours = (dir: string) =>
    fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.startsWith(`minium-lab.${process.pid}.`)) : [];
  return [...ours('/dev/shm'), ...ours('/dev/mqueue')];
}

/** The newest lab peer process that is our child. */
function findPeerPid(): number {
  const mine = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === process.pid && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('peer.js');
      } catch {
        return false;
      }
    });
  return Math.max(...mine);
}

test('the shared-memory segment exists while the link is open, and is gone after', async () => {
  const shm = MECHANISMS.find((m) => m.id === 'shm')!;
  const link = await shm.open(workDir);
  expect(fs.readdirSync('/dev/shm').filter((n) => n.startsWith(`minium-lab.${process.pid}.`))).toHaveLength(1);
  await link.close();
  expect(fs.readdirSync('/dev/shm').filter((n) => n.startsWith(`minium-lab.${process.pid}.`))).toEqual([]);
});

test('SHM2: another process rewriting shared memory tears unsynchronized reads; a sequence lock tears none', () => {
  const race = native().shmRace!(4096, 300);
  expect(race.seqlock.torn).toBe(0);
  expect(race.seqlock.reads).toBeGreaterThan(0);
  // Two processes must really run at once for a read to be torn: only then is it certain.
  if (os.availableParallelism() > 1) expect(race.unsynchronized.torn).toBeGreaterThan(0);
});

test('NPIPE1: one FIFO server answers every request of several client processes, none mixed up', async () => {
  const result = await runFifoServerDemo(workDir, 3, 40);
  expect(result).toMatchObject({ clients: 3, requests: 120, answered: 120 });
  expect(fs.readdirSync(workDir)).toEqual([]);
});

test('PIPE1: a pipe is one-way: the kernel refuses writes into its read end and reads from its write end', () => {
  const d = native().pipeDirection!();
  expect(d).toEqual({
    writeToReadEnd: expect.stringMatching(/bad file descriptor/i),
    readFromWriteEnd: expect.stringMatching(/bad file descriptor/i),
  });
});

/**
 * Runs the IPC lab: for every mechanism and message size, round-trip latency (median, p99) and
 * one-way throughput between two real processes (or threads), after a warm-up, every transfer
 * verified. Whatever the lab creates (sockets, FIFOs, files, peers) is removed afterwards, also
 * when the run is interrupted.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { native } from '../../platform/native';
import { machineFacts } from '../machine';
import { batchMedians, estimate, median, percentile } from '../stats';
import type { IpcCell, IpcLabReport, RaceResult, Reference } from '../../common/labReports';
import { allowedCpus, withThreadPinned } from '../pinning';
import type { Link, Mechanism } from './Link';
import { MECHANISMS } from './mechanisms';
import { runFifoServerDemo } from './fifoServer';
import { timedStream } from './timedStream';
import { removeOnExit } from './cleanup';
import { ipcVerdicts } from './verdicts';
import { type FrequentIoOptions, measureFrequentIo } from './frequentIo';

export const FULL_SIZES = [64, 1024, 16 * 1024, 64 * 1024, 256 * 1024, 1024 * 1024];
export const QUICK_SIZES = [64, 4096, 64 * 1024, 1024 * 1024];
/** Batches of round trips, and streams, per cell: 9 is the fewest for a 95% interval narrower than the range. */
const REPETITIONS = 9;
/**
 * MQ2's bursts, mq and shm in turn. Under other programs' load a burst runs at full speed or is
 * preempted midway (shared memory's more often: its reader spends its CPU share spinning), so
 * the pairs are many and short: 41 pairs of millisecond bursts put the 95% interval between the
 * 14th and 28th ratio, which a dozen preempted bursts at either end cannot move; 15 pairs of
 * five times longer bursts gave intervals spanning 1 as often as not.
 */
const QUICK_BURSTS: FrequentIoOptions = { pairs: 41, messages: 1000, warmUpMs: 150 };
const FULL_BURSTS: FrequentIoOptions = { pairs: 81, messages: 4000, warmUpMs: 500 };

export interface IpcLabOptions {
  quick: boolean;
  only?: string[];
  onProgress?: (done: number, total: number, label: string) => void;
}

/** Runs fn with a fresh temporary folder, removed afterwards (or at exit, if interrupted). */
async function withWorkDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minium-lab-'));
  const remove = removeOnExit(() => fs.rmSync(dir, { recursive: true, force: true }));
  try {
    return await fn(dir);
  } finally {
    remove();
  }
}

export async function runIpcLab(options: IpcLabOptions): Promise<IpcLabReport> {
  const sizes = options.quick ? QUICK_SIZES : FULL_SIZES;
  const chosen = options.only?.length ? MECHANISMS.filter((m) => options.only!.includes(m.id)) : MECHANISMS;
  const unknown = options.only?.filter((id) => !MECHANISMS.some((m) => m.id === id)) ?? [];
  if (unknown.length)
    throw new Error(
      `Unknown mechanism(s): ${unknown.join(', ')}. There are: ${MECHANISMS.map((m) => m.id).join(', ')}`,
    );
  const budgetMs = options.quick ? 120 : 1000;
  const streamBytes = options.quick ? 4 << 20 : 32 << 20;
  const cells: IpcCell[] = [];
  let done = 0;
  const total = chosen.length * sizes.length;

  for (const mechanism of chosen) {
    await withWorkDir(async (workDir) => {
      let link: Link | null = null;
      try {
        for (const size of sizes) {
          options.onProgress?.(done, total, `${mechanism.id} ${formatSize(size)}`);
          const cell: IpcCell = { mechanism: mechanism.id, between: mechanism.between, size };
          try {
            link ??= await mechanism.open(workDir);
            Object.assign(cell, await measure(link, size, budgetMs, streamBytes));
          } catch (e) {
            cell.error = e instanceof Error ? e.message : String(e);
            await link?.close().catch(() => undefined);
            link = null; // a fresh channel for the next size
          }
          cells.push(cell);
          done++;
        }
      } finally {
        await link?.close().catch(() => undefined);
      }
    });
  }
  const queue = chosen.find((m) => m.id === 'mq');
  const shared = chosen.find((m) => m.id === 'shm');
  options.onProgress?.(done, total, 'MQ2: frequent small I/O');
  const frequentIo =
    queue && shared
      ? await withWorkDir((dir) => measureFrequentIo(queue, shared, dir, options.quick ? QUICK_BURSTS : FULL_BURSTS))
      : null;
  options.onProgress?.(done, total, 'C baselines');
  const references = sizes.map((size) => measureReference(size, options.quick));
  const raceMs = options.quick ? 200 : 1000;
  const race = native().shmRace ? { size: 4096, milliseconds: raceMs, ...shmRace(4096, raceMs) } : null;
  const fifoServer =
    process.platform === 'win32' || (options.only?.length && !options.only.includes('fifo'))
      ? null
      : await withWorkDir((dir) => runFifoServerDemo(dir));
  options.onProgress?.(done, total, 'done');
  const report: Omit<IpcLabReport, 'verdicts'> = {
    lab: 'ipc',
    date: new Date().toISOString(),
    machine: machineFacts(),
    options: { quick: options.quick, sizes },
    mechanisms: chosen.map(({ id, name, between, claims, note }: Mechanism) => ({ id, name, between, claims, note })),
    cells,
    references,
    race,
    pipeDirection: native().pipeDirection?.() ?? null,
    fifoServer,
    frequentIo,
  };
  return { ...report, verdicts: ipcVerdicts(report) };
}

/** SHM2's race, writer and reader pinned to two CPUs where there are two: a race needs both running at once. */
function shmRace(size: number, ms: number): Omit<RaceResult, 'size' | 'milliseconds'> {
  const race = native().shmRace!;
  const cpus = allowedCpus();
  if (!cpus || cpus.length < 2) return race(size, ms);
  return withThreadPinned(cpus[0], () => race(size, ms, cpus[1]));
}

function measureReference(size: number, quick: boolean): Reference {
  const n = native();
  const iterations = Math.max(20, Math.min(quick ? 2000 : 20000, Math.floor(((quick ? 64 : 512) * 2 ** 20) / size)));
  return {
    size,
    ...(n.shmPingPongC ? { shmC: n.shmPingPongC(size, iterations) } : {}),
    ...(n.pipePingPongC ? { pipeC: n.pipePingPongC(size, iterations) } : {}),
    memcpyBytesPerSecond: n.memcpyBandwidth(
      size,
      Math.min(1e6, Math.max(10, Math.floor(((quick ? 256 : 2048) * 2 ** 20) / size))),
    ),
  };
}

async function measure(
  link: Link,
  size: number,
  budgetMs: number,
  streamBytes: number,
): Promise<Pick<IpcCell, 'rtt' | 'throughput'>> {
  const payload = randomBytes(size);
  const check = (back: Buffer) => {
    if (!back.equals(payload)) throw new Error(`a ${size}-byte message came back altered`);
  };
  // Warm-up: connections, JIT, caches, and the peer's own first messages.
  const warm = performance.now() + Math.min(50, budgetMs / 2);
  for (let i = 0; i < 3 || performance.now() < warm; i++) check(await link.roundTrip(payload));

  const samples: number[] = [];
  const until = performance.now() + budgetMs;
  while ((performance.now() < until || samples.length < 2 * REPETITIONS) && samples.length < 20000) {
    const t0 = process.hrtime.bigint();
    const back = await link.roundTrip(payload);
    samples.push(Number(process.hrtime.bigint() - t0) / 1000);
    check(back);
  }

  // The stream, cut into REPETITIONS streams in turn, for an interval of its median throughput.
  const count = Math.max(4, Math.min(20000, Math.floor(streamBytes / size / REPETITIONS)));
  const rates: number[] = [];
  let seconds = 0;
  for (let i = 0; i < REPETITIONS; i++) {
    const s = await timedStream(link, payload, count);
    rates.push((size * count) / s);
    seconds += s;
  }
  return {
    rtt: {
      median: median(samples),
      p99: percentile(samples, 99),
      samples: samples.length,
      spread: estimate(batchMedians(samples, REPETITIONS)),
    },
    throughput: {
      bytesPerSecond: (size * count * REPETITIONS) / seconds,
      messages: count * REPETITIONS,
      spread: estimate(rates),
    },
  };
}

export function formatSize(bytes: number): string {
  return bytes >= 1 << 20 ? `${bytes / (1 << 20)} MiB` : bytes >= 1024 ? `${bytes / 1024} KiB` : `${bytes} B`;
}

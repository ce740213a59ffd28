/**
 * The process-versus-thread lab: side by side, at runtime level (a forked Node process against a
 * worker_thread) and at OS level (fork() against pthread_create(), through the addon): the cost of
 * starting and ending one, memory per idle unit, switching between two, shared work, and what a
 * fault takes down.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { BlastRadius, Pair, ThreadsLabReport, Visibility } from '../../common/labReports';
import { native } from '../../platform/native';
import { machineFacts } from '../machine';
import { allowedCpus, withThreadPinned } from '../pinning';
import { estimate } from '../stats';
import { countPrimes } from './primes';
import { startUnit, type Unit, type UnitKind } from './Unit';
import { pairedRatio } from '../verdict';
import { threadsVerdicts } from './verdicts';

/** How many steps report progress (for the progress bar). */
export const THREADS_STEPS = 9;

export async function runThreadsLab(options: {
  quick: boolean;
  onProgress?: (step: string) => void;
}): Promise<ThreadsLabReport> {
  // Every figure is measured this many times, process and thread in turn, for a 95% interval of
  // its median (9 is the fewest that gives one narrower than the whole range). A cheap figure
  // that other programs' load can disturb (a switch) is measured `times` as often: its interval
  // then shrugs off more disturbed repetitions.
  const reps = options.quick ? 9 : 15;
  const say = options.onProgress ?? (() => undefined);
  const pairs: Pair[] = [];
  const both = async (
    metric: string,
    unit: string,
    measure: (kind: UnitKind) => number | Promise<number>,
    note?: string,
    times = 1,
  ) => {
    say(metric);
    const xs: Record<UnitKind, number[]> = { process: [], thread: [] };
    for (let i = 0; i < reps * times; i++)
      for (const kind of ['process', 'thread'] as const) xs[kind].push(await measure(kind));
    pairs.push({
      metric,
      unit,
      process: estimate(xs.process),
      thread: estimate(xs.thread),
      ratio: pairedRatio(xs.process, xs.thread),
      note,
    });
  };

  await both('start: create → first message (runtime)', 'ms', async (kind) => {
    const t0 = performance.now();
    const u = startUnit(kind);
    await u.next();
    const ms = performance.now() - t0;
    u.send({ do: 'end' });
    await u.exited;
    return ms;
  });

  await both('end: ask to exit → exit observed (runtime)', 'ms', async (kind) => {
    const u = startUnit(kind);
    await u.next();
    const t0 = performance.now();
    u.send({ do: 'end' });
    await u.exited;
    return performance.now() - t0;
  });

  if (process.platform === 'linux')
    await both(
      'memory per idle unit (runtime)',
      'MiB',
      (kind) => idleMemory(kind, options.quick ? 2 : 4),
      'processes: proportional set size (shared pages split between sharers); ' +
        'threads: growth of the lab’s own resident set',
    );

  const n = native();
  if (n.spawnCostC)
    await both(
      'create + end one: fork() vs pthread_create() (OS)',
      'µs',
      (kind) => n.spawnCostC!(options.quick ? 40 : 100, kind === 'thread').median,
      'fork() copies the page tables of this whole Node process',
    );
  await contextSwitches(options.quick ? 500 : 10000, both);

  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const upTo = options.quick ? 400_000 : 2_000_000;
  say('shared work');
  const t0 = performance.now();
  const expected = countPrimes(0, upTo);
  const alone = performance.now() - t0;
  await both(
    `shared work: primes below ${upTo.toLocaleString('en')} on ${cores} units ` +
      `(one thread alone: ${alone.toFixed(0)} ms)`,
    'ms',
    (kind) => sharedWork(kind, cores, upTo, expected),
    'wall time including starting the units; speed-up is bounded by the cores',
  );

  say('blast radius');
  const blast = await blastRadius();
  const visibility = await memoryVisibility();
  const report = {
    lab: 'threads' as const,
    date: new Date().toISOString(),
    machine: machineFacts(),
    pairs,
    blast,
    visibility,
  };
  return { ...report, verdicts: threadsVerdicts(report) };
}

type Both = (
  metric: string,
  unit: string,
  measure: (kind: UnitKind) => number,
  note?: string,
  times?: number,
) => Promise<void>;

/**
 * A context switch as lmbench's lat_ctx measures it: a token through pipes, both sides pinned to
 * one CPU so that every hand-off is a switch, the pipe calls' own cost subtracted. Then the same
 * with the peer on another CPU: a wake-up across cores, which is what an unpinned run mostly
 * measures, and noisily. The lab's thread pins itself for each repetition; the peer (a forked
 * process's main thread, or a thread) pins itself in the addon.
 */
async function contextSwitches(iterations: number, both: Both): Promise<void> {
  const n = native();
  const allowed = allowedCpus();
  if (!n.switchCostC || !allowed) return;
  const [cpu, other] = allowed;
  const handOff = (kind: UnitKind, peerCpu: number) => {
    const r = withThreadPinned(cpu, () => n.switchCostC!(iterations, kind === 'thread', peerCpu));
    if (r.cpu !== cpu || r.peerCpu !== peerCpu)
      throw new Error(
        `the context switch ran on CPUs ${r.cpu} and ${r.peerCpu} instead of ${cpu} and ${peerCpu}: ` +
          'pinning did not hold',
      );
    return r.handOff - r.overhead;
  };
  await both(
    `switch: one hand-off, both on CPU ${cpu} (OS, lat_ctx)`,
    'µs',
    (kind) => handOff(kind, cpu),
    'a 1-byte token through two pipes, pipe calls subtracted: between processes the switch also changes address space',
    3,
  );
  if (other !== undefined)
    await both(
      `wake-up across cores: one hand-off, CPU ${cpu} → ${other} (OS)`,
      'µs',
      (kind) => handOff(kind, other),
      'the same token with the peer on another CPU: no switch on either, but a wake-up sent across cores',
    );
}

/** Linux only: reads /proc. */
async function idleMemory(kind: UnitKind, count: number): Promise<number> {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  const units: Unit[] = [];
  for (let i = 0; i < count; i++) units.push(startUnit(kind));
  await Promise.all(units.map((u) => u.next()));
  await new Promise((r) => setTimeout(r, 300)); // let start-up garbage settle
  let perUnit: number;
  if (kind === 'process') {
    const pss = units
      .map((u) => /Pss:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${u.pid}/smaps_rollup`, 'utf8'))?.[1])
      .map(Number);
    perUnit = (pss.reduce((a, b) => a + b, 0) * 1024) / count;
  } else {
    perUnit = (process.memoryUsage().rss - before) / count;
  }
  for (const u of units) u.send({ do: 'end' });
  await Promise.all(units.map((u) => u.exited));
  return perUnit / 2 ** 20;
}

async function sharedWork(kind: UnitKind, units: number, upTo: number, expected: number): Promise<number> {
  const t0 = performance.now();
  const us = Array.from({ length: units }, () => startUnit(kind));
  await Promise.all(us.map((u) => u.next()));
  const step = Math.ceil(upTo / units);
  us.forEach((u, i) => u.send({ do: 'primes', from: i * step, to: Math.min(upTo, (i + 1) * step) }));
  const counts = await Promise.all(us.map((u) => u.next()));
  const ms = performance.now() - t0;
  const total = counts.reduce((a, c) => a + Number(c.primes), 0);
  if (total !== expected) throw new Error(`the units counted ${total} primes instead of ${expected}`);
  us.forEach((u) => u.send({ do: 'end' }));
  await Promise.all(us.map((u) => u.exited));
  return ms;
}

/** The lab sets a global and writes 42 into a SharedArrayBuffer; what does each kind of unit see? */
async function memoryVisibility(): Promise<Visibility[]> {
  (globalThis as { miniumMarker?: unknown }).miniumMarker = 'the lab was here';
  const shared = new SharedArrayBuffer(4);
  Atomics.store(new Int32Array(shared), 0, 42);
  const out: Visibility[] = [];
  for (const kind of ['process', 'thread'] as const) {
    const u = startUnit(kind);
    await u.next();
    // A SharedArrayBuffer can only be handed to a thread; a process gets none to look at.
    u.send(kind === 'thread' ? { do: 'look', shared } : { do: 'look' });
    const seen = await u.next();
    out.push({
      kind,
      sawLabGlobal: Boolean(seen.sawGlobal),
      sawSharedBuffer: seen.sawShared === null ? null : seen.sawShared === 42,
    });
    u.send({ do: 'end' });
    await u.exited;
  }
  delete (globalThis as { miniumMarker?: unknown }).miniumMarker;
  return out;
}

async function blastRadius(): Promise<BlastRadius[]> {
  const out: BlastRadius[] = [];

  // An exception in a thread: that thread ends; its sibling and the process do not.
  const thrower = startUnit('thread');
  const sibling = startUnit('thread');
  await Promise.all([thrower.next(), sibling.next()]);
  thrower.send({ do: 'throw' });
  const ended = await thrower.exited;
  sibling.send({ do: 'ping' });
  const pong = await Promise.race([sibling.next(), new Promise((r) => setTimeout(() => r(null), 2000))]);
  sibling.send({ do: 'end' });
  await sibling.exited;
  out.push({
    fault: 'uncaught exception in a thread',
    outcome: `the thread ended (${ended.error ?? `exit ${ended.code}`})`,
    labSurvived: true,
    siblingsSurvived: pong !== null,
  });

  // A memory fault in one thread of a process: the kernel ends the process, every thread in it.
  const host = startUnit('process', 'segv-thread');
  await host.next();
  const died = await Promise.race([host.exited, new Promise<null>((r) => setTimeout(() => r(null), 5000))]);
  if (!died) host.kill();
  out.push({
    fault: 'memory fault (SIGSEGV) in one thread of a process',
    outcome: died
      ? `the whole process ended by ${died.signal ?? `exit ${died.code}`}, its other thread with it`
      : 'the process did not end (unexpected)',
    labSurvived: true,
    siblingsSurvived: false,
  });

  // A fatal signal in a process: its siblings and the lab carry on.
  const a = startUnit('process');
  const b = startUnit('process');
  await Promise.all([a.next(), b.next()]);
  process.kill(a.pid!, 'SIGSEGV');
  const aEnd = await a.exited;
  b.send({ do: 'ping' });
  const bPong = await Promise.race([b.next(), new Promise((r) => setTimeout(() => r(null), 2000))]);
  b.send({ do: 'end' });
  await b.exited;
  out.push({
    fault: 'fatal signal (SIGSEGV) to a process',
    outcome: `that process ended by ${aEnd.signal}`,
    labSurvived: true,
    siblingsSurvived: bPong !== null,
  });
  return out;
}

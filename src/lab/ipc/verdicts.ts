/**
 * Reads the IPC lab's figures against the seed's claims (CLAIMS.md): for each claim the lab can
 * speak to, holds / holds in part / does not hold here / inconclusive here, with the numbers that
 * decide it; figures compared by the one rule in ../verdict.ts. Pure.
 */
import type { ClaimVerdict, Estimate, IpcCell, IpcLabReport, Verdict } from '../../common/labReports';
import { compareClaim } from '../verdict';

const us = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} µs`;
const thousands = (e: Estimate): Estimate => ({ ...e, median: e.median / 1e3, low: e.low / 1e3, high: e.high / 1e3 });
/** IPC3 holds outright when the fastest way between processes takes a fifth longer than between threads. */
const IPC3_STRONG = 1.2;

export function ipcVerdicts(r: Omit<IpcLabReport, 'verdicts'>): ClaimVerdict[] {
  const small = Math.min(...r.options.sizes);
  const cell = (id: string, size = small): IpcCell | undefined =>
    r.cells.find((c) => c.mechanism === id && c.size === size && !c.error);
  const rtt = (id: string, size = small) => cell(id, size)?.rtt?.median;
  const processes = r.cells.filter((c) => c.between === 'processes' && c.size === small && !c.error && c.rtt);
  const threads = r.cells.filter((c) => c.between === 'threads' && c.size === small && !c.error && c.rtt);
  const fastest = (cs: IpcCell[]) =>
    cs.reduce<IpcCell | undefined>((best, c) => (!best || c.rtt!.median < best.rtt!.median ? c : best), undefined);
  const out: ClaimVerdict[] = [];
  const add = (id: string, verdict: Verdict, because: string) => out.push({ id, verdict, because });
  const measured = (ids: string[]) => ids.every((id) => cell(id));

  const bestProcess = fastest(processes);
  const bestThread = fastest(threads);
  if (bestProcess && bestThread) {
    out.push(
      compareClaim(
        'IPC3',
        `fastest ${small}-byte round trip`,
        { label: `between processes, ${bestProcess.mechanism}`, estimate: bestProcess.rtt!.spread },
        { label: `between threads, ${bestThread.mechanism}`, estimate: bestThread.rtt!.spread },
        'µs',
        IPC3_STRONG,
      ),
    );
  } else add('IPC3', 'not measured', 'needs both a process and a thread mechanism');

  const shm = cell('shm');
  const next = fastest(processes.filter((c) => c.mechanism !== 'shm'));
  if (shm?.rtt && next) {
    out.push(
      compareClaim(
        'SHM1',
        `${small}-byte round trip`,
        { label: `the next fastest between processes, ${next.mechanism},`, estimate: next.rtt!.spread },
        { label: 'shared memory', estimate: shm.rtt.spread },
        'µs',
        1,
        { more: '; no copy through the kernel, though JavaScript still copies in and out once' },
      ),
    );
  } else add('SHM1', 'not measured', 'run with shm and another process mechanism');

  if (r.race) {
    const u = r.race.unsynchronized;
    const s = r.race.seqlock;
    add(
      'SHM2',
      // No torn read without synchronization: the writer never overlapped a read, so nothing was shown.
      u.torn > 0 && s.torn === 0 ? 'holds' : s.torn > 0 ? 'does not hold here' : 'inconclusive here',
      `without synchronization ${u.torn} of ${u.reads} reads were torn; with a sequence lock ${s.torn} of ` +
        `${s.reads}, after ${s.retries} retries`,
    );
  }

  const f = r.frequentIo;
  if (f?.mq && f.shm && f.ratio) {
    out.push(
      compareClaim(
        'MQ2',
        `frequent small I/O, ${f.size}-byte messages one way, each taken as it comes (bursts of ` +
          `${f.messages.toLocaleString('en')}, the two in turn, ${f.ratio.n} pairs)`,
        { label: 'message queue', estimate: thousands(f.mq) },
        { label: 'shared memory', estimate: thousands(f.shm) },
        'k messages/s',
        1,
        {
          paired: f.ratio,
          more:
            '. The queue’s synchronization is the kernel’s; shared memory’s is the ring’s own, written ' +
            'once by hand (counters, a futex, a spin that must know whether the other side shares its ' +
            'CPU), and the SHM2 race shows what skipping it costs',
        },
      ),
    );
  } else add('MQ2', 'not measured', f?.error ?? 'run with both mq and shm: MQ2 compares them burst by burst');
  if (cell('mq'))
    add(
      'MQ1',
      'holds',
      `send and receive whole messages by name; the kernel queues and wakes (${us(rtt('mq')!)} per round trip)`,
    );
  for (const [id, ids, what] of [
    [
      'SOCK1',
      ['tcp', 'udp', 'unix'],
      'TCP, UDP and Unix-domain sockets all carried every message intact on this machine',
    ],
    [
      'PIPE1',
      ['pipe'],
      `one-way pipes (two for a round trip; writing into a read end: ` +
        `${r.pipeDirection?.writeToReadEnd ?? '?'}), inherited by a forked child`,
    ],
    ['FILE1', ['file'], 'data written to files and read by the other process'],
    ['IPC1', ['ipc'], 'request and reply over the channel Minium’s own processes use'],
  ] as const) {
    add(
      id,
      measured([...ids]) ? 'holds' : 'not measured',
      `${what}: ${ids.map((m) => (rtt(m) !== undefined ? `${m} ${us(rtt(m)!)}` : `${m} —`)).join(', ')}`,
    );
  }
  if (cell('fifo')) {
    const s = r.fifoServer;
    const server = s
      ? `; one server answered ${s.answered} of ${s.requests} requests from ${s.clients} client processes ` +
        'through one well-known FIFO'
      : '';
    add(
      'NPIPE1',
      'holds in part',
      `a FIFO served unrelated processes by name (${us(rtt('fifo')!)})${server}, but POSIX FIFOs are one-way ` +
        `and never cross a network; Windows named pipes do`,
    );
  }
  add(
    'IPC2',
    processes.length >= 6 ? 'holds' : 'holds in part',
    `${new Set(processes.map((c) => c.mechanism)).size} kinds measured between real processes`,
  );
  add(
    'MP5',
    processes.length > 0 ? 'holds' : 'not measured',
    'processes here talked only through the kernel or memory they mapped on purpose: ' +
      processes.map((c) => c.mechanism).join(', '),
  );

  const sab = rtt('sab');
  const post = rtt('postmessage');
  if (sab !== undefined && post !== undefined) {
    add(
      'MT6',
      'holds in part',
      `worker_threads share only what is put in a SharedArrayBuffer (${us(sab)} per round trip); everything ` +
        `else is copied by postMessage (${us(post)}): each thread has its own heap`,
    );
    if (bestProcess) {
      add(
        'TB4',
        'holds in part',
        `threads need no kernel IPC (SharedArrayBuffer ${us(sab)} against ${bestProcess.mechanism} ` +
          `${us(bestProcess.rtt!.median)} between processes), but they still need an explicit channel: nothing ` +
          `else is shared`,
      );
    }
  }
  if (r.race) {
    add(
      'TB6',
      'holds in part',
      `shared memory needs synchronization to be correct (${r.race.unsynchronized.torn} torn reads without it, ` +
        `none with a sequence lock) — true of threads sharing a SharedArrayBuffer and of processes sharing a ` +
        `segment alike; threads that only post messages need none`,
    );
  }
  return out;
}

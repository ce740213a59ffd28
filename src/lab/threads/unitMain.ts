/**
 * One unit of the process-versus-thread lab: the same script runs as a forked process or as a
 * worker thread, and does what it is told: say ready and idle, count primes in a range, throw,
 * or (as a process) start two threads of which one makes a real memory fault.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { native } from '../../platform/native';
import { countPrimes } from './primes';

type Order =
  | { do: 'end' }
  | { do: 'primes'; from: number; to: number }
  | { do: 'throw' }
  | { do: 'ping' }
  | { do: 'look'; shared?: SharedArrayBuffer };

const send = (m: unknown) => (isMainThread ? process.send!(m) : parentPort!.postMessage(m));
const on = (l: (m: Order) => void) =>
  isMainThread ? process.on('message', (m) => l(m as Order)) : parentPort!.on('message', l);

const mode = isMainThread
  ? process.argv.find((a) => a.startsWith('--mode='))?.slice(7)
  : (workerData as { mode?: string } | null)?.mode;

if (mode === 'segv-thread') {
  // A process with two threads: one faults, and the kernel ends the whole process, the other thread with it.
  const victim = new Worker(__filename, { workerData: { mode: 'fault-soon' } });
  const bystander = new Worker(__filename, { workerData: { mode: 'idle' } });
  let pings = 0;
  bystander.on('message', () => pings++);
  setInterval(() => bystander.postMessage({ do: 'ping' }), 5);
  void victim;
  send({ ready: true, pid: process.pid });
  setInterval(() => send({ alive: true, pings }), 20);
} else if (mode === 'fault-soon') {
  setTimeout(() => native().fault(), 200);
} else {
  on((m) => {
    if (m.do === 'end') process.exit(0);
    else if (m.do === 'primes') send({ primes: countPrimes(m.from, m.to) });
    else if (m.do === 'ping') send({ pong: true });
    else if (m.do === 'look') {
      // What of the lab's memory can this unit see? Its global variable, and a shared buffer's content.
      send({
        sawGlobal: typeof (globalThis as { miniumMarker?: unknown }).miniumMarker !== 'undefined',
        sawShared: m.shared ? new Int32Array(m.shared)[0] : null,
      });
    } else if (m.do === 'throw')
      setImmediate(() => {
        throw new Error('an uncaught exception in this thread');
      });
  });
  if (isMainThread) process.on('disconnect', () => process.exit(0));
  send({ ready: true });
}

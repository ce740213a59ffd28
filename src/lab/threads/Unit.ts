/**
 * The lab's handle on one unit, whether a forked process or a worker thread: the same script
 * (unitMain.ts), the same messages, so that what differs is only what a process and a thread are.
 */
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

export type UnitKind = 'process' | 'thread';

export interface Unit {
  kind: UnitKind;
  pid: number | null;
  send(m: object): void;
  next(): Promise<Record<string, unknown>>;
  /** Resolves with how the unit ended: an exit code, or a signal for a process. */
  exited: Promise<{ code: number | null; signal: string | null; error?: string }>;
  kill(): void;
}

const SCRIPT = path.join(__dirname, 'unitMain.js');

export function startUnit(kind: UnitKind, mode?: string): Unit {
  const queue: Record<string, unknown>[] = [];
  const waiting: ((m: Record<string, unknown>) => void)[] = [];
  const deliver = (m: unknown) => {
    const w = waiting.shift();
    if (w) w(m as Record<string, unknown>);
    else queue.push(m as Record<string, unknown>);
  };
  const next = () =>
    queue.length ? Promise.resolve(queue.shift()!) : new Promise<Record<string, unknown>>((r) => waiting.push(r));
  if (kind === 'process') {
    const child = fork(SCRIPT, mode ? [`--mode=${mode}`] : [], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    child.on('message', deliver);
    return {
      kind,
      pid: child.pid ?? null,
      send: (m) => child.connected && child.send(m, () => undefined),
      next,
      exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))),
      kill: () => child.kill('SIGKILL'),
    };
  }
  const worker = new Worker(SCRIPT, { workerData: { mode } });
  let error: string | undefined;
  worker.on('message', deliver);
  worker.on('error', (e) => (error = e.message));
  return {
    kind,
    pid: null,
    send: (m) => worker.postMessage(m),
    next,
    exited: new Promise((resolve) => worker.once('exit', (code) => resolve({ code, signal: null, error }))),
    kill: () => void worker.terminate(),
  };
}

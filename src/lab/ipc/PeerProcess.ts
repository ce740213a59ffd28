/**
 * Starts the lab's peer: a real second OS process (child_process.fork) running peer.js for one
 * mechanism. It says `ready` over its IPC channel, with whatever the lab needs (a port).
 */
import { type ChildProcess, fork, type StdioOptions } from 'node:child_process';
import * as path from 'node:path';

export interface Peer {
  child: ChildProcess;
  info: Record<string, unknown>;
  /** Resolves, with a sentence saying how, when the peer process has ended. */
  gone: Promise<string>;
  /** Ends the peer and waits for it to be gone. */
  stop(): Promise<void>;
}

export async function startPeer(
  mechanism: string,
  args: string[] = [],
  stdio: StdioOptions = ['ignore', 'ignore', 'inherit', 'ipc'],
): Promise<Peer> {
  const child = fork(path.join(__dirname, 'peer.js'), [`--mechanism=${mechanism}`, ...args], {
    stdio,
    serialization: 'advanced',
  });
  const info = await new Promise<Record<string, unknown>>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Record<string, unknown>));
    child.once('exit', (code, signal) =>
      reject(new Error(`the ${mechanism} peer exited (${signal ?? code}) before it was ready`)),
    );
  });
  const gone = new Promise<string>((resolve) => {
    const said = () => `the peer process ended (${child.signalCode ?? `exit ${child.exitCode}`})`;
    if (child.exitCode !== null || child.signalCode !== null) resolve(said());
    else child.once('exit', () => resolve(said()));
  });
  return {
    child,
    info,
    gone,
    stop: async () => {
      child.kill('SIGKILL');
      await gone;
    },
  };
}

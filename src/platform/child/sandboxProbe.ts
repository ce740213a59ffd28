/**
 * `minium://sandbox-probe`, in a renderer's IO thread: the child tries two things its sandbox forbids — a
 * TCP socket (seccomp-bpf lets a renderer create AF_UNIX sockets only) and reading a file outside
 * the code it runs (Landlock; under Node also the permission model) — and says in the tab's console
 * what was answered. The Task Manager shows the sandbox a child reports; this shows it refusing.
 */
import * as fs from 'node:fs/promises';
import * as net from 'node:net';

type Report = (level: 'info' | 'error', message: string) => void;

/** What the sandbox answers: seccomp's and Landlock's errno, or Node's permission model. */
const REFUSALS = new Set(['EPERM', 'EACCES', 'ERR_ACCESS_DENIED']);

export async function probeSandbox(report: Report): Promise<void> {
  for (const [what, act] of [
    ['opening a TCP socket to 127.0.0.1:9', tcpConnect],
    ['reading /etc/hostname', () => fs.readFile('/etc/hostname')],
  ] as const) {
    try {
      await act();
      report('error', `sandbox probe: ${what} was allowed: this renderer is not sandboxed`);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      report(
        REFUSALS.has(code) ? 'info' : 'error',
        REFUSALS.has(code)
          ? `sandbox probe: ${what} was refused (${code})`
          : `sandbox probe: ${what} failed, but not by the sandbox (${code})`,
      );
    }
  }
}

function tcpConnect(): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port: 9 }, () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

/**
 * `minium://memory-probe`, in a renderer's IO thread: the renderer tries to read another
 * renderer's memory every way the kernel offers — its memory file (`/proc/<pid>/mem`),
 * `process_vm_readv` at the address where it maps its tile pool, and that pool's descriptor
 * (`/proc/<pid>/fd/N`, `pidfd_getfd`) — and says in the tab's console what refused each (MP1:
 * each process has its own memory space). The browser names the target; a real attacker would
 * guess pids, which are no secret.
 */
import * as fs from 'node:fs';
import { native } from '../native';

type Report = (level: 'info' | 'error', message: string) => void;
export interface ProbeTarget {
  pid: number;
  poolFd: number;
  poolAddress: number;
}

/**
 * What a refusal looks like: seccomp's EPERM, Landlock's EACCES, Node's permission model, the
 * kernel's ptrace check.
 */
const REFUSALS = new Set(['EPERM', 'EACCES', 'ERR_ACCESS_DENIED']);

export function probeMemory(target: ProbeTarget | null, report: Report): void {
  if (!target) return report('error', 'memory probe: there is no other renderer with a tile pool to aim at');
  const { pid, poolFd, poolAddress } = target;
  const attempts: [string, string, () => unknown][] = [
    ["reading another renderer's memory file", `/proc/${pid}/mem`, () => readMemFile(pid, poolAddress)],
    [
      "reading another renderer's memory with process_vm_readv",
      `pid ${pid} at 0x${poolAddress.toString(16)}`,
      () => addon('readProcessMemory')(pid, poolAddress, 64),
    ],
    [
      "opening another renderer's tile pool",
      `/proc/${pid}/fd/${poolFd}`,
      () => fs.closeSync(fs.openSync(`/proc/${pid}/fd/${poolFd}`, 'r')),
    ],
    [
      "taking another renderer's tile pool descriptor with pidfd_getfd",
      `pid ${pid}, fd ${poolFd}`,
      () => fs.closeSync(addon('takeDescriptor')(pid, poolFd)),
    ],
  ];
  for (const [what, where, act] of attempts) {
    try {
      act();
      report('error', `memory probe: ${what} was allowed (${where}): processes do not keep their memory apart here`);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      report(
        REFUSALS.has(code) ? 'info' : 'error',
        REFUSALS.has(code)
          ? `memory probe: ${what} was refused (${code}; ${where})`
          : `memory probe: ${what} failed, but was not refused (${code}; ${where})`,
      );
    }
  }
}

function readMemFile(pid: number, address: number): void {
  const fd = fs.openSync(`/proc/${pid}/mem`, 'r');
  try {
    fs.readSync(fd, Buffer.alloc(64), 0, 64, address);
  } finally {
    fs.closeSync(fd);
  }
}

function addon<K extends 'readProcessMemory' | 'takeDescriptor'>(name: K): NonNullable<ReturnType<typeof native>[K]> {
  const f = native()[name];
  if (!f) throw Object.assign(new Error(`${name} needs Linux`), { code: 'ENOSYS' });
  return f.bind(native()) as NonNullable<ReturnType<typeof native>[K]>;
}

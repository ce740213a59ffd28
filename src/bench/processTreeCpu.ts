/**
 * The CPU time of a process and all its descendants, read from /proc: how `bench idle-cpu`
 * measures Minium (the bench process is its browser; its children are the GPU, renderers,
 * plugin and network service) and Chromium (its browser, zygotes, renderers, GPU and utility
 * processes) the same way. A process that ends during the window is left out.
 */
import * as fs from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on every Linux ABI Node runs on). */
const USER_HZ = 100;

/** utime + stime of every thread of every process in `root`'s tree, in ticks, by PID. */
export function treeTicks(root: number): Map<number, number> {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // it ended while the table was read
    }
    // Fields after the command name (which may hold spaces) start at field 3: ppid is 4, utime and stime 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parent.set(pid, Number(fields[1]));
    ticks.set(pid, Number(fields[11]) + Number(fields[12]));
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  return new Map([...ticks].filter(([pid]) => inTree(pid)));
}

/** The tree's CPU over `windowMs`, as % of one core. */
export async function treeCpuPercent(root: number, windowMs: number): Promise<number> {
  const before = treeTicks(root);
  await new Promise((r) => setTimeout(r, windowMs));
  const after = treeTicks(root);
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return (ticks / USER_HZ / (windowMs / 1000)) * 100;
}

/** The tree's CPU at first (right away) and for good (once `laterMs` more have passed), each over `windowMs`. */
export interface IdleCpu {
  first: number;
  steady: number;
}

/**
 * Idle is measured twice: a load's after-effects (garbage collection, the spare renderer's start,
 * heaps reduced after load) land in the first window, what idle costs for good in the second.
 */
export async function idleCpuWindows(root: number, windowMs: number, laterMs: number): Promise<IdleCpu> {
  const first = await treeCpuPercent(root, windowMs);
  await new Promise((r) => setTimeout(r, laterMs));
  return { first, steady: await treeCpuPercent(root, windowMs) };
}

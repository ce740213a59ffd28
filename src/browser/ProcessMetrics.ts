import * as fs from 'node:fs/promises';
import pidusage from 'pidusage';

/** CPU share and resident memory per process, read from the OS (pidusage: /proc on Linux, ps or wmic elsewhere). */
export async function readProcessMetrics(
  pids: number[],
): Promise<Map<number, { cpuPercent: number; rssBytes: number }>> {
  const out = new Map<number, { cpuPercent: number; rssBytes: number }>();
  await Promise.all(
    pids.map(async (pid) => {
      try {
        const s = await pidusage(pid);
        out.set(pid, { cpuPercent: Math.round(s.cpu * 10) / 10, rssBytes: s.memory });
      } catch {
        // The process ended between listing and reading: it simply drops out of this reading.
      }
    }),
  );
  return out;
}

/**
 * A process's resident memory, or null once it is gone. On Linux read from /proc/<pid>/status
 * directly: pidusage keeps per-PID history for its CPU figures, which frequent sampling here
 * would shorten under the Task Manager's feet.
 */
export async function readResidentBytes(pid: number): Promise<number | null> {
  if (process.platform !== 'linux') return (await readProcessMetrics([pid])).get(pid)?.rssBytes ?? null;
  let status: string;
  try {
    status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null; // it ended between listing and reading
  }
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return kb ? Number(kb[1]) * 1024 : null;
}

/**
 * A process's proportional set size on Linux (`Pss:` of /proc/<pid>/smaps_rollup): its private
 * pages plus its share of each page it maps with others (code, fonts, shared memory). Null where
 * there is no such file (other OSes), or once the process is gone.
 */
export async function readProportionalSetSize(pid: number): Promise<number | null> {
  if (process.platform !== 'linux') return null;
  try {
    return parseProportionalSetSize(await fs.readFile(`/proc/${pid}/smaps_rollup`, 'utf8'));
  } catch {
    return null; // it ended between listing and reading
  }
}

/** The `Pss:` line of an smaps_rollup, in bytes. */
export function parseProportionalSetSize(smapsRollup: string): number | null {
  const kb = /^Pss:\s+(\d+) kB/m.exec(smapsRollup);
  return kb ? Number(kb[1]) * 1024 : null;
}

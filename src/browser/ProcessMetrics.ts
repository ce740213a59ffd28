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

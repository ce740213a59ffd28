/** The IPC lab's report as text tables: latency and throughput per mechanism and size. */
import type { IpcLabReport } from '../../common/labReports';
import { formatSize } from './IpcLab';

export function formatIpcReport(r: IpcLabReport): string {
  const sizes = r.options.sizes;
  const name = (id: string) => r.mechanisms.find((m) => m.id === id)!;
  const width = Math.max(...r.mechanisms.map((m) => m.name.length)) + 2;
  const header = (title: string) => `${title.padEnd(width)}${sizes.map((s) => formatSize(s).padStart(12)).join('')}`;
  const rows = (value: (c: IpcLabReport['cells'][number]) => string) =>
    r.mechanisms.map(
      (m) =>
        `${m.name.padEnd(width)}${sizes
          .map((s) => {
            const c = r.cells.find((x) => x.mechanism === m.id && x.size === s);
            return (c?.error ? 'error' : c ? value(c) : '—').padStart(12);
          })
          .join('')}`,
    );
  const reference = (label: string, value: (x: IpcLabReport['references'][number]) => string) =>
    `${label.padEnd(width)}${sizes
      .map((s) => {
        const x = r.references.find((y) => y.size === s);
        return (x ? value(x) : '—').padStart(12);
      })
      .join('')}`;
  const errors = r.cells
    .filter((c) => c.error)
    .map((c) => `  ${name(c.mechanism).name}, ${formatSize(c.size)}: ${c.error}`);
  return [
    `Machine: ${Object.entries(r.machine)
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}`,
    '',
    header('Round trip, median µs'),
    ...rows((c) => c.rtt!.median.toFixed(1)),
    reference('C: shm ring (reference)', (x) => x.shmC?.median.toFixed(1) ?? '—'),
    reference('C: pipe (reference)', (x) => x.pipeC?.median.toFixed(1) ?? '—'),
    '',
    header('Round trip, p99 µs'),
    ...rows((c) => c.rtt!.p99.toFixed(1)),
    '',
    header('One way, MB/s'),
    ...rows((c) => (c.throughput!.bytesPerSecond / 1e6).toFixed(1)),
    reference('memcpy (reference)', (x) => (x.memcpyBytesPerSecond / 1e6).toFixed(0)),
    ...(r.race
      ? [
          '',
          `SHM2, one ${formatSize(r.race.size)} buffer rewritten by another process for ${r.race.milliseconds} ms:`,
          `  no synchronization: ${r.race.unsynchronized.torn} of ${r.race.unsynchronized.reads} reads torn`,
          `  sequence lock:      ${r.race.seqlock.torn} of ${r.race.seqlock.reads} reads torn ` +
            `(${r.race.seqlock.retries} retries: readers wait while the writer never pauses)`,
        ]
      : []),
    ...(r.fifoServer
      ? [
          '',
          `NPIPE1, one FIFO server and ${r.fifoServer.clients} client processes: ${r.fifoServer.answered} of ` +
            `${r.fifoServer.requests} requests answered in ${r.fifoServer.milliseconds.toFixed(0)} ms`,
        ]
      : []),
    ...(errors.length ? ['', 'Errors:', ...errors] : []),
    '',
    'Claims (CLAIMS.md):',
    ...r.verdicts.map((v) => `  ${v.id.padEnd(7)} ${v.verdict.padEnd(19)} ${v.because}`),
    '',
    ...r.mechanisms.map((m) => `${m.name} [${m.claims.join(', ')}]: ${m.note}`),
  ].join('\n');
}

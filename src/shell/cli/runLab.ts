/** `minium lab ipc|threads`: runs a lab with a progress bar on stderr; a table, or JSON, on stdout. */
import { runIpcLab } from '../../lab/ipc/IpcLab';
import { formatIpcReport } from '../../lab/ipc/ipcReport';
import { runThreadsLab, THREADS_STEPS } from '../../lab/threads/ThreadsLab';
import { formatThreadsReport } from '../../lab/threads/threadsReport';

const bar = (done: number, total: number, label: string) => {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.padEnd(40)}`);
  if (done === total) process.stderr.write('\n');
};

export async function runLab(
  which: string | undefined,
  options: { quick: boolean; json: boolean; only?: string[] },
): Promise<void> {
  if (which !== 'ipc' && which !== 'threads') throw new Error(`Unknown lab "${which ?? ''}"; there are: ipc, threads`);
  // Ctrl+C: the 'exit' handlers remove what the lab created, and the peers end with their channel.
  process.once('SIGINT', () => process.exit(130));
  if (which === 'threads') {
    let step = 0;
    const report = await runThreadsLab({
      quick: options.quick,
      onProgress: (label) => bar(step++, THREADS_STEPS, label),
    });
    bar(THREADS_STEPS, THREADS_STEPS, 'done');
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatThreadsReport(report)}\n`);
    process.exit(0);
  }
  const report = await runIpcLab({
    quick: options.quick,
    only: options.only,
    onProgress: bar,
  });
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatIpcReport(report)}\n`);
  process.exit(0);
}

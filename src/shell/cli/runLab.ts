/** `minium lab ipc`: runs a lab with a progress bar on stderr; a table, or JSON, on stdout. */
import { runIpcLab } from '../../lab/ipc/IpcLab';
import { formatIpcReport } from '../../lab/ipc/ipcReport';

export async function runLab(which: string | undefined, options: { quick: boolean; json: boolean; only?: string[] }): Promise<void> {
  if (which !== 'ipc') throw new Error(`Unknown lab "${which ?? ''}"; there is: ipc (the process-versus-thread lab is still to come)`);
  // Ctrl+C: the 'exit' handlers remove what the lab created, and the peers end with their channel.
  process.once('SIGINT', () => process.exit(130));
  const report = await runIpcLab({
    quick: options.quick,
    only: options.only,
    onProgress: (done, total, label) => {
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.padEnd(24)}`);
      if (done === total) process.stderr.write('\n');
    },
  });
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatIpcReport(report)}\n`);
  process.exit(0);
}

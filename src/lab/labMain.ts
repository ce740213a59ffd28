/**
 * A lab run as a process of its own, started by the browser process for the Lab page: the labs
 * block their thread and start processes of their own, which the browser process must not.
 * Sends progress, then the report, over its IPC channel, and exits.
 */
import { runIpcLab } from './ipc/IpcLab';
import { runThreadsLab, THREADS_STEPS } from './threads/ThreadsLab';

const lab = process.argv.find((a) => a.startsWith('--lab='))?.slice(6);
const quick = process.argv.includes('--quick');
const send = (m: object) => process.send?.(m);
process.on('disconnect', () => process.exit(0));

async function main(): Promise<void> {
  if (lab === 'ipc') {
    send({
      report: await runIpcLab({
        quick,
        onProgress: (done, total, label) => send({ progress: { done, total, label } }),
      }),
    });
  } else if (lab === 'threads') {
    let step = 0;
    send({
      report: await runThreadsLab({
        quick,
        onProgress: (label) => send({ progress: { done: step++, total: THREADS_STEPS, label } }),
      }),
    });
  } else {
    throw new Error(`unknown lab ${lab}`);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    send({ error: e instanceof Error ? e.message : String(e) });
    process.exit(1);
  },
);

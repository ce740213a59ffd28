import * as fs from 'node:fs';

/**
 * Is the process still running? A zombie has already exited and only waits for its parent (or
 * init) to reap it, so it counts as gone. Where /proc is missing, a signal 0 probe decides.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return process.platform !== 'linux';
  }
}

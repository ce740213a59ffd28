import * as fs from 'node:fs';

/** Is the thread group's leader a zombie (its own thread exited)? Throws if /proc has no such process. */
export function isZombie(pid: number): boolean {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2)[0] === 'Z';
}

/**
 * Is the process still running? A zombie has already exited and only waits for its parent (or
 * init) to reap it, so it counts as gone, but only once its whole thread group has: the group's
 * leader (whose state /proc/PID/stat shows) turns zombie as soon as its own thread has exited,
 * while the others may still be exiting, and the last of them frees the address space. An exited
 * thread other than the leader leaves /proc/PID/task at once. Where /proc is missing, a signal 0
 * probe decides.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return !isZombie(pid) || fs.readdirSync(`/proc/${pid}/task`).length > 1;
  } catch {
    return process.platform !== 'linux';
  }
}

/**
 * Removes the shared-memory tile pools of processes that died without cleaning up (a crash, a
 * SIGKILL). Their names carry the creator's PID. Linux lists them in /dev/shm; elsewhere the
 * names cannot be listed and pools of crashed processes stay until reboot.
 */
import * as fs from 'node:fs';
import { parseTilePoolName } from '../common/tiles';
import { native } from '../platform/native';
import { isRunning } from '../platform/processState';

const SHM_DIR = '/dev/shm';

export function sweepPoolsOf(pid: number): number {
  return sweep((owner) => owner === pid);
}

/** At start-up: pools whose creator no longer exists. */
export function sweepOrphanPools(): number {
  return sweep((owner) => !isRunning(owner));
}

function sweep(shouldRemove: (pid: number) => boolean): number {
  if (process.platform !== 'linux') return 0;
  let removed = 0;
  for (const name of fs.readdirSync(SHM_DIR)) {
    const parsed = parseTilePoolName(name);
    if (parsed && shouldRemove(parsed.pid) && native().unlink(`/${name}`)) removed++;
  }
  return removed;
}

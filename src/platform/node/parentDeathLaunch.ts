import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A command to spawn: the program and its arguments. */
export interface Command {
  file: string;
  args: string[];
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false; // not there, or not ours to run: the next directory on PATH may have it
  }
}

let setpriv: string | null | undefined;

/** util-linux's setpriv, if it is on PATH and knows --pdeathsig (2.33 on); looked up once. */
function setprivWithParentDeathSignal(): string | null {
  if (setpriv !== undefined) return setpriv;
  const found =
    process.platform === 'linux'
      ? (process.env.PATH ?? '')
          .split(path.delimiter)
          .filter(Boolean)
          .map((dir) => path.join(dir, 'setpriv'))
          .find(isExecutable)
      : undefined;
  setpriv = found && spawnSync(found, ['--help'], { encoding: 'utf8' }).stdout?.includes('--pdeathsig') ? found : null;
  return setpriv;
}

/**
 * `command`, started with the kernel's parent-death signal (SIGKILL) already set, as Chromium's
 * LaunchProcess sets it between fork and exec (`kill_on_parent_death`). Node's spawn runs nothing
 * of ours in between, so on Linux util-linux's `setpriv --pdeathsig KILL` does, then execs the
 * child in its own place: same PID, the browser still its parent. A child still starting up then
 * dies with the browser at once, where src/platform/child/parentLifetime.ts can ask only once Node
 * has started (`bench orphan-exit`, browser killed while its children start, two alternated runs:
 * 21.2 and 22.6 ms without setpriv, 6.6 and 8.6 ms with it, against a bare parent and child's 4.3 ms).
 * The exec through setpriv adds ~2 ms to a launch (55.4 → 57.5 ms to a node's first line, same
 * run). Without setpriv, the child asks itself, as before.
 */
export function withParentDeathSignal(command: Command): Command {
  const wrapper = setprivWithParentDeathSignal();
  return wrapper ? { file: wrapper, args: ['--pdeathsig', 'KILL', '--', command.file, ...command.args] } : command;
}

/** isRunning against real thread groups: a process is gone only once every one of its threads is. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { isRunning, isZombie } from '../../src/platform/processState';
import { waitFor } from '../../src/common/waitFor';

// python3 is there wherever the addon builds (node-gyp runs on it). Its main thread leaves with
// pthread_exit while a second thread sleeps on: the group's leader is a zombie, the process is not.
const LEADER_EXITS_FIRST = `
import ctypes, threading, time
threading.Thread(target=lambda: time.sleep(3600)).start()
print("ready", flush=True)
ctypes.CDLL(None).pthread_exit(None)
`;

if (process.platform !== 'linux') process.stdout.write('SKIPPED thread-group test: /proc/PID/task is Linux only\n');
(process.platform === 'linux' ? test : test.skip)(
  'a process whose leader thread exited while another thread runs is still running, until that thread ends',
  async () => {
    const child = spawn('python3', ['-c', LEADER_EXITS_FIRST], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((r) => readline.createInterface({ input: child.stdout! }).once('line', r));
    const pid = child.pid!;
    await waitFor(() => isZombie(pid), 'the leader thread to exit');
    expect(fs.readdirSync(`/proc/${pid}/task`)).toHaveLength(2);
    expect(isRunning(pid)).toBe(true);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    expect(isRunning(pid)).toBe(false);
  },
);

test('a reaped process is not running', async () => {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  const pid = child.pid!;
  await new Promise((r) => child.once('exit', r));
  expect(isRunning(pid)).toBe(false);
});

/** Time from the browser process's SIGKILL to the last of its children exiting, against a bare parent and child. */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { isRunning } from '../platform/processState';
import { type BenchResult, median, waitFor } from './harness';

function firstLine(args: string[]): Promise<{ pid: number; line: string; kill: () => void }> {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, MINIUM_CHILD_STDERR: 'quiet' },
  });
  return new Promise((resolve, reject) => {
    readline
      .createInterface({ input: child.stdout! })
      .once('line', (line) => resolve({ pid: child.pid!, line, kill: () => child.kill('SIGKILL') }));
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
  });
}

async function timeToExit(kill: () => void, pids: number[]): Promise<number> {
  const killedAt = performance.now();
  kill();
  await waitFor(() => pids.every((p) => !isRunning(p)), 'the children to exit', 10000, 1);
  return performance.now() - killedAt;
}

export async function orphanExit(runs = 3): Promise<BenchResult> {
  const minium: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    const shell = await firstLine([path.join(__dirname, '../shell/cli/main.js'), 'web', '--headless', '--port', '0']);
    const url = new URL(shell.line);
    const auth = { authorization: `Bearer ${url.searchParams.get('token')}`, 'content-type': 'application/json' };
    for (const page of ['https://orbit.example/', 'https://news.example/'])
      await fetch(`${url.origin}/api/tabs`, { method: 'POST', headers: auth, body: JSON.stringify({ url: page }) });
    const children = await waitFor(async () => {
      const procs = (await (await fetch(`${url.origin}/api/processes`, { headers: auth })).json()) as {
        pid: number;
        role: string;
      }[];
      const kids = procs.filter((p) => p.role !== 'browser').map((p) => p.pid);
      return kids.length >= 3 && kids;
    }, 'the renderers');
    minium.push(await timeToExit(shell.kill, children));

    const parent = await firstLine([path.join(__dirname, 'bareParent.js')]);
    bare.push(await timeToExit(parent.kill, [Number(parent.line)]));
  }
  return {
    name: 'orphan-exit',
    rows: [
      {
        metric: 'browser SIGKILL → every child exited (median)',
        unit: 'ms',
        value: median(minium),
        baseline: { what: 'bare parent SIGKILL → its bare child exited', value: median(bare) },
      },
    ],
  };
}

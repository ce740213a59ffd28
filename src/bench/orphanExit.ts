/** Time from the browser process's SIGKILL to the last of its children exiting, against a bare parent and child. */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { readResidentBytes } from '../browser/ProcessMetrics';
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

/** Resident memory of these processes together, in MB: what the kernel unmaps page by page at their exit. */
async function residentMb(pids: number[]): Promise<number> {
  const bytes = await Promise.all(pids.map(readResidentBytes));
  return bytes.reduce<number>((sum, b) => sum + (b ?? 0), 0) / 2 ** 20;
}

async function timeToExit(kill: () => void, pids: number[]): Promise<number> {
  const killedAt = performance.now();
  kill();
  await waitFor(() => pids.every((p) => !isRunning(p)), 'the children to exit', 10000, 1);
  return performance.now() - killedAt;
}

/**
 * A web shell with two sites open; resolves once there are three children (two renderers and the
 * GPU process) and, when `live`, once both tabs have presented frames too.
 */
async function browserWithChildren(live: boolean): Promise<{ kill: () => void; children: number[] }> {
  const shell = await firstLine([path.join(__dirname, '../shell/cli/main.js'), 'web', '--headless', '--port', '0']);
  const url = new URL(shell.line);
  const auth = { authorization: `Bearer ${url.searchParams.get('token')}`, 'content-type': 'application/json' };
  const get = async <T>(route: string) => (await (await fetch(`${url.origin}${route}`, { headers: auth })).json()) as T;
  for (const page of ['https://orbit.example/', 'https://news.example/']) {
    const opened = await fetch(`${url.origin}/api/tabs`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ url: page }),
    });
    const { id } = (await opened.json()) as { id: number };
    // Only the active tab draws: each presents its first frames before the next tab hides it.
    if (live)
      await waitFor(
        async () =>
          (await get<{ id: number; framesPresented: number }[]>('/api/tabs')).some(
            (t) => t.id === id && t.framesPresented > 0,
          ),
        `${page} to present frames`,
      );
  }
  const children = await waitFor(async () => {
    const kids = (await get<{ pid: number; role: string }[]>('/api/processes'))
      .filter((p) => p.role !== 'browser')
      .map((p) => p.pid);
    return kids.length >= 3 && kids;
  }, 'the renderers');
  return { kill: shell.kill, children };
}

/**
 * Killed while its children still start up, a child has the kernel's parent-death signal set
 * already where the Node launcher could start it through setpriv (parentDeathLaunch.ts); elsewhere
 * it learns of it only once its own code runs (Node's start-up comes first). Killed with its tabs
 * live, the kernel's parent-death signal ends every child at once. What is left is the kernel
 * tearing down big processes: the same live children SIGKILLed directly, all at once, measure that
 * floor, and their resident memory beside the bare child's says what it is made of (unmapping
 * resident pages, docs/architecture.md).
 */
export async function orphanExit(runs = 5): Promise<BenchResult> {
  const launching: number[] = [];
  const live: number[] = [];
  const direct: number[] = [];
  const bare: number[] = [];
  const childrenMb: number[] = [];
  const bareMb: number[] = [];
  for (let i = 0; i < runs; i++) {
    launching.push(await browserWithChildren(false).then((b) => timeToExit(b.kill, b.children)));
    live.push(await browserWithChildren(true).then((b) => timeToExit(b.kill, b.children)));
    const floor = await browserWithChildren(true);
    childrenMb.push(await residentMb(floor.children));
    direct.push(await timeToExit(() => floor.children.forEach((pid) => process.kill(pid, 'SIGKILL')), floor.children));
    floor.kill();
    const parent = await firstLine([path.join(__dirname, 'bareParent.js')]);
    bareMb.push(await residentMb([Number(parent.line)]));
    bare.push(await timeToExit(parent.kill, [Number(parent.line)]));
  }
  const baseline = { what: 'bare parent SIGKILL → its bare child exited', value: median(bare) };
  return {
    name: 'orphan-exit',
    rows: [
      { metric: 'browser SIGKILL, tabs live → every child exited (median)', unit: 'ms', value: median(live), baseline },
      {
        metric: 'the same live children SIGKILLed directly → every child exited (teardown floor, median)',
        unit: 'ms',
        value: median(direct),
        baseline,
      },
      {
        metric: 'browser SIGKILL while its children start → every child exited (median)',
        unit: 'ms',
        value: median(launching),
        baseline,
      },
      {
        metric: 'the live children’s resident memory, together, when SIGKILLed (median)',
        unit: 'MB',
        value: median(childrenMb),
        baseline: { what: 'the bare child’s resident memory', value: median(bareMb) },
      },
    ],
  };
}

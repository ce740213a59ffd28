/**
 * What Minium costs when nothing happens (issue 10: an idle static page's renderer costs
 * Chromium ~0 % of a core): the nine demo tabs open, a static one (News: sports) shown, the
 * others hidden — occluded, so they draw nothing and their timers wake once a second — and the
 * CPU time of every Minium process (browser, GPU, renderers, plugin) summed over 10 s, read from
 * /proc. Beside it, in the same run: the same tabs with the animated Orbit shown. A hidden tab's
 * dedicated workers are not throttled (nor are they in Chromium): the primes demo's worker
 * computes for minutes, so a second figure has the hidden tabs frozen (chrome://discards'
 * Freeze), beside a bare idle Node process, the floor any process costs.
 */
import { fork } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from '../browser/Browser';
import { type BenchResult, tab, waitFor, withBrowser } from './harness';

const WINDOW_MS = 10_000;
/** After a tab is shown: its whole frame, raster and the first second of throttled timers settle. */
const SETTLE_MS = 3_000;
const STATIC_DEMO = 'https://news.example/sports.html';
const ANIMATED_DEMO = 'https://orbit.example/';

export async function idleCpu(): Promise<BenchResult> {
  if (process.platform !== 'linux') throw new Error('idle-cpu reads CPU time from /proc: it runs on Linux only');
  const hz = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  const { still, animated, frozen } = await withBrowser(async (b) => {
    const ids = new Map<string, number>();
    for (const d of b.listDemos()) ids.set(d.url, (await b.openTab(d.url)).id);
    await waitFor(() => [...ids.values()].every((id) => tab(b, id).state === 'live'), 'every demo tab to load', 60_000);
    const animated = await cpuWhileShown(b, ids.get(ANIMATED_DEMO)!, hz);
    const still = await cpuWhileShown(b, ids.get(STATIC_DEMO)!, hz);
    for (const id of ids.values()) if (id !== ids.get(STATIC_DEMO)) await b.freezeTab(id);
    await sleep(SETTLE_MS); // a worker finishes the slice it was computing
    return { animated, still, frozen: await cpuOver(b, hz) };
  });
  const bare = await bareProcessCpu(hz);
  return {
    name: 'idle-cpu',
    rows: [
      {
        metric: 'CPU of all Minium processes, nine demo tabs, a static one shown (% of a core)',
        unit: '%',
        value: still,
        baseline: { what: 'the same tabs with the animated Orbit shown', value: animated },
      },
      {
        metric: 'the same, the hidden tabs frozen (no page timer or worker task runs) (% of a core)',
        unit: '%',
        value: frozen,
        baseline: { what: 'one bare idle Node process', value: bare },
      },
    ],
  };
}

/** Shows the tab, lets it settle, then sums every Minium process's CPU time over the window. */
async function cpuWhileShown(b: Browser, tabId: number, hz: number): Promise<number> {
  await b.activateTab(tabId);
  const frames = tab(b, tabId).framesPresented;
  await waitFor(() => tab(b, tabId).framesPresented > frames, 'the shown tab to present');
  await sleep(SETTLE_MS);
  return cpuOver(b, hz);
}

/** Every Minium process's CPU time over the window, as % of one core. */
async function cpuOver(b: Browser, hz: number): Promise<number> {
  const pids = async () => [...new Set([process.pid, ...(await b.listProcesses()).map((p) => p.pid)])];
  const before = cpuTicks(await pids());
  await sleep(WINDOW_MS);
  const after = cpuTicks(await pids());
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return (ticks / hz / (WINDOW_MS / 1000)) * 100;
}

async function bareProcessCpu(hz: number): Promise<number> {
  const child = fork(path.join(__dirname, 'bareChild.js'), [], { stdio: 'ignore' });
  await new Promise((r) => child.once('message', r));
  await sleep(SETTLE_MS);
  const before = cpuTicks([child.pid!]).get(child.pid!) ?? 0;
  await sleep(WINDOW_MS);
  const after = cpuTicks([child.pid!]).get(child.pid!) ?? 0;
  child.kill();
  return ((after - before) / hz / (WINDOW_MS / 1000)) * 100;
}

/** utime + stime of each process, every thread included, in clock ticks; a process gone meanwhile is left out. */
function cpuTicks(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name (which may hold spaces) start at field 3; utime, stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(pid, Number(fields[11]) + Number(fields[12]));
  }
  return out;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

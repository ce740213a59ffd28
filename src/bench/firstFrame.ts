/**
 * A new site's tab → its first presented frame, on the same page served over HTTP from this
 * machine: Minium with its spare renderer, Minium cold (no spare: the renderer is launched for the
 * tab), and Debian's Chromium (which keeps a spare of its own), all in one run. The cold runs are
 * also split where the time goes: launch to `ready` (process start, Node's boot, the sandbox),
 * process start to its threads started (their code loaded, fonts registered; a spare also warms
 * its pipeline up once), and open to the tab turning live (its first commit reported: load, style, layout,
 * paint); the rest is raster and compositing. A spare has done the first two before the tab.
 */
import * as path from 'node:path';
import type { Browser } from '../browser/Browser';
import { ASSETS_DIR } from '../platform/paths';
import { chromiumFirstFrames } from './chromiumFirstFrame';
import { serveDemo } from './demoServer';
import {
  type BenchResult,
  bareProcessRoundTrip,
  median,
  nextEvent,
  type Row,
  tab,
  waitFor,
  withBrowser,
} from './harness';

const DEMO = 'orbit.example';

interface Sample {
  total: number;
  /** openTab → the tab is live (its first commit reported to the browser). */
  toCommit: number;
  /** Its renderer's process start → threads started. */
  threadsMs: number;
}

/** Opens the page in a new tab, waits for its first presented frame, closes it and waits for its renderer to end. */
export async function openOnce(b: Browser, url: string, expectPid: number | null): Promise<Sample> {
  const started = performance.now();
  const t = await b.openTab(url);
  const committed = nextEvent(b, (e) => e.type === 'tab-updated' && e.tab.id === t.id && e.tab.state === 'live');
  await waitFor(() => tab(b, t.id).framesPresented > 0, 'the first frame');
  const total = performance.now() - started;
  const toCommit = (await committed) - started;
  const pid = tab(b, t.id).pid;
  const threadsMs = await waitFor(
    async () => (await b.processInternals()).locks.find((l) => l.pid === pid)?.threadsStartedMs ?? null,
    'its threads to have started',
  );
  if (expectPid !== null && pid !== expectPid)
    throw new Error(`the tab was drawn by renderer ${pid}, not by the spare ${expectPid}: the bench measured no spare`);
  await b.closeTab(t.id);
  await waitFor(async () => !(await b.listProcesses()).some((p) => p.pid === pid), 'the renderer to exit');
  return { total, toCommit, threadsMs };
}

async function readySpare(b: Browser): Promise<number> {
  const spare = await waitFor(async () => {
    const s = (await b.processInternals()).spare;
    return s.state === 'warm' && s.pid;
  }, 'a warm spare renderer');
  return spare;
}

export async function firstFrame(runs = 5): Promise<BenchResult> {
  const server = await serveDemo(path.join(ASSETS_DIR, 'sites', DEMO));
  const url = `http://127.0.0.1:${server.port}/`;
  try {
    const warm: Sample[] = [];
    await withBrowser(async (b) => {
      for (let i = 0; i < runs; i++) warm.push(await openOnce(b, url, await readySpare(b)));
    });
    const cold: Sample[] = [];
    const launches: number[] = [];
    const bare: number[] = [];
    await withBrowser(
      async (b) => {
        for (let i = 0; i < runs; i++) {
          cold.push(await openOnce(b, url, null));
          bare.push(await bareProcessRoundTrip());
        }
        launches.push(...(await coldLaunchToReady(b, url, runs)));
      },
      { spareRenderer: false },
    );
    const chromium = await chromiumFirstFrames(server.port, runs);
    if (!chromium.ok) process.stderr.write(`first-frame: Chromium skipped: ${chromium.reason}\n`);
    const m = (xs: Sample[], k: keyof Sample) => median(xs.map((x) => x[k]));
    const chromiumBaseline = chromium.ok
      ? { what: `Chromium ${chromium.version}, same page, new site (its spare)`, value: median(chromium.samples) }
      : { what: `Minium cold (Chromium skipped: ${chromium.reason})`, value: m(cold, 'total') };
    const bareBaseline = { what: 'bare Node process launch + first message', value: median(bare) };
    const rows: Row[] = [
      {
        metric: 'new site → first presented frame, spare renderer (median)',
        unit: 'ms',
        value: m(warm, 'total'),
        baseline: chromiumBaseline,
      },
      {
        metric: 'new site → first presented frame, cold renderer (median)',
        unit: 'ms',
        value: m(cold, 'total'),
        baseline: chromiumBaseline,
      },
      {
        metric: 'cold: launch → renderer ready (start, boot, sandbox)',
        unit: 'ms',
        value: median(launches),
        baseline: bareBaseline,
      },
      {
        metric: 'cold: process start → threads started (code loaded, fonts registered)',
        unit: 'ms',
        value: m(cold, 'threadsMs'),
        baseline: bareBaseline,
      },
      {
        metric: 'cold: open → tab live (launch, threads, load, style, layout, paint)',
        unit: 'ms',
        value: m(cold, 'toCommit'),
        baseline: bareBaseline,
      },
      {
        metric: 'spare: open → tab live (load, style, layout, paint)',
        unit: 'ms',
        value: m(warm, 'toCommit'),
        baseline: { what: 'spare: whole first frame', value: m(warm, 'total') },
      },
    ];
    if (chromium.ok)
      rows.push({
        metric: `Chromium ${chromium.version}: navigation → first paint presented (median)`,
        unit: 'ms',
        value: median(chromium.samples),
        baseline: bareBaseline,
      });
    return { name: 'first-frame', rows };
  } finally {
    await server.close();
  }
}

/** Launch → `ready` of a renderer opened for a tab (the part of a cold start that is the process itself). */
async function coldLaunchToReady(b: Browser, url: string, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const t = await b.openTab(url);
    await waitFor(
      async () => (await b.listProcesses()).find((p) => p.pid === tab(b, t.id).pid)?.sandbox,
      'the renderer to be ready',
    );
    out.push(performance.now() - started);
    const pid = tab(b, t.id).pid;
    await b.closeTab(t.id);
    await waitFor(async () => !(await b.listProcesses()).some((p) => p.pid === pid), 'the renderer to exit');
  }
  return out;
}

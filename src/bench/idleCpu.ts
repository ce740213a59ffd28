/**
 * What Minium costs when nothing happens (issue 10: nine tabs open, one shown and static, under
 * 2 % of a core), beside Chromium on the same pages in the same run. Each browser opens the tabs,
 * shows News: sports (static), keeps the others in the background, and the CPU time of its whole
 * process tree is summed over 10 s from /proc, twice: 5 s after the tab is shown (the loads'
 * after-effects still running) and 20 s later (idle for good). Two sets of pages: the demos, and
 * nine static pages (the three static demos, three tabs each). A background tab's dedicated workers are not
 * throttled, in Chromium as here: the Primes demo's worker computes for minutes in both, so a
 * third figure has Minium's hidden tabs frozen (chrome://discards' Freeze), beside a bare idle
 * Node process, the floor any process costs.
 */
import type { Browser } from '../browser/Browser';
import { type ChromiumIdle, chromiumIdleCpu } from './chromiumIdle';
import { type BenchResult, type Row, tab, waitFor, withBareProcess, withBrowser } from './harness';
import { type IdleCpu, idleCpuWindows, treeCpuPercent } from './processTreeCpu';

const WINDOW_MS = 10_000;
/** After the tab is shown: its whole frame, raster, loads and the first throttled timers settle. */
const SETTLE_MS = 5_000;
/** Between the first window and the steady one. */
const LATER_MS = 20_000;
const TIMING = { settleMs: SETTLE_MS, windowMs: WINDOW_MS, laterMs: LATER_MS };
const WHEN = { first: `the first ${WINDOW_MS / 1000} s`, steady: `${LATER_MS / 1000} s later` } as const;
const SHOWN = 'https://news.example/sports.html';
const STATIC_PAGES = ['https://news.example/sports.html', 'https://article.example/', 'https://gradients.example/'];
const NINE_STATIC = [0, 1, 2].flatMap(() => STATIC_PAGES);

export async function idleCpu(): Promise<BenchResult> {
  if (process.platform !== 'linux') throw new Error('idle-cpu reads CPU time from /proc: it runs on Linux only');
  let demos: string[] = [];
  const withDemos = await withBrowser(async (b) => {
    demos = b.listDemos().map((d) => d.url);
    const ids = await openAndShow(b, demos);
    const shown = await miniumCpu();
    for (const id of ids) if (!tab(b, id).visible) await b.freezeTab(id);
    await sleep(SETTLE_MS); // a worker finishes the slice it was computing
    return { shown, frozen: await miniumCpu() };
  });
  const withStatic = await withBrowser(async (b) => {
    await openAndShow(b, NINE_STATIC);
    return miniumCpu();
  });
  const chromiumDemos = await chromiumIdleCpu(demos, SHOWN, TIMING);
  const chromiumStatic = await chromiumIdleCpu(NINE_STATIC, SHOWN, TIMING);
  for (const c of [chromiumDemos, chromiumStatic])
    if (!c.ok) process.stderr.write(`idle-cpu: Chromium skipped: ${c.reason}\n`);
  const bare = await bareProcessCpu();
  const bareBaseline = { what: 'one bare idle Node process', value: bare };
  const cpuOf = (what: string, when: keyof IdleCpu) =>
    `CPU of all Minium processes, ${what}, ${WHEN[when]} (% of a core)`;
  const rows: Row[] = (['first', 'steady'] as const).flatMap((when) => [
    {
      metric: cpuOf(`the ${demos.length} demo tabs, News: sports shown`, when),
      unit: '%',
      value: withDemos.shown[when],
      baseline: chromiumBaseline(chromiumDemos, when, 'the same demo pages'),
    },
    {
      metric: cpuOf('nine static pages (3 sites × 3 tabs), one shown', when),
      unit: '%',
      value: withStatic[when],
      baseline: chromiumBaseline(chromiumStatic, when, 'the same static pages'),
    },
    {
      metric: cpuOf('the demo tabs again, the hidden ones frozen (no page timer or worker task runs)', when),
      unit: '%',
      value: withDemos.frozen[when],
      baseline: bareBaseline,
    },
  ]);
  return { name: 'idle-cpu', rows };
}

function chromiumBaseline(c: ChromiumIdle, when: keyof IdleCpu, pages: string): Row['baseline'] {
  if (!c.ok) return { what: `Chromium skipped: ${c.reason}`, value: 0 };
  return { what: `${c.version}, ${pages}, one tab shown, the others in the background`, value: c.cpu[when] };
}

/** Opens the tabs, shows News: sports and lets it settle; resolves with the tabs' ids. */
async function openAndShow(b: Browser, urls: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const url of urls) ids.push((await b.openTab(url)).id);
  await waitFor(() => ids.every((id) => tab(b, id).state === 'live'), 'every tab to load', 60_000);
  const shownId = ids[urls.indexOf(SHOWN)];
  const frames = tab(b, shownId).framesPresented;
  await b.activateTab(shownId);
  await waitFor(() => tab(b, shownId).framesPresented > frames, 'the shown tab to present');
  await sleep(SETTLE_MS);
  return ids;
}

/** The bench process is Minium's browser process; its descendants are all of Minium's children. */
function miniumCpu(): Promise<IdleCpu> {
  return idleCpuWindows(process.pid, WINDOW_MS, LATER_MS);
}

function bareProcessCpu(): Promise<number> {
  return withBareProcess(async (pid) => {
    await sleep(SETTLE_MS);
    return treeCpuPercent(pid, WINDOW_MS);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

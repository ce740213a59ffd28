/**
 * Renderer memory (issue 10): the proportional set size of Minium's renderer on demo pages, beside
 * Chromium's renderer on the same pages (served over HTTP); and where Minium's goes, thread by
 * thread: each thread's V8 heap against an empty worker_thread's, and what lies outside the heaps
 * (Node and Skia code, thread stacks, allocators, the tile pool) against a bare Node process.
 */
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { readProportionalSetSize } from '../browser/ProcessMetrics';
import type { ProcessInfo } from '../common/controlApi';
import { CHROMIUM_PATH, type ChromiumReading, chromiumRendererOn } from './chromiumRenderer';
import { type BenchResult, type Row, tab, waitFor, withBareProcess, withBrowser } from './harness';

const PAGES = ['https://news.example/', 'https://article.example/', 'https://orbit.example/'];
/** After the first frame, both browsers get this long before they are measured: loads, GCs and animations settle. */
const SETTLE_MS = 3000;
const MB = 1024 * 1024;

/** Minium's renderer for `url`, once every running thread has reported its heap after the page settled. */
async function miniumRendererOn(url: string): Promise<ProcessInfo> {
  return withBrowser(async (b) => {
    const t = await b.openTab(url);
    await waitFor(() => tab(b, t.id).framesPresented > 0, `${url}'s first frame`);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const since = Date.now();
    return waitFor(async () => {
      const p = (await b.listProcesses()).find((x) => x.pid === tab(b, t.id).pid);
      const running = p?.threads.filter((x) => x.state === 'running') ?? [];
      // Heaps are reported every 2 s: wait for reports made after the settling time.
      return p && p.pssBytes !== undefined && running.every((x) => x.heap) && Date.now() - since > 2000 && p;
    }, `the renderer of ${url} to report its PSS and every thread's heap`);
  });
}

/** Chromium's renderer on the same page, or why there is none to compare with. */
async function chromiumOn(url: string): Promise<ChromiumReading | string> {
  if (process.platform !== 'linux') return 'skipped: PSS is read from /proc, which only Linux has';
  if (!fs.existsSync(CHROMIUM_PATH)) return `skipped: no Chromium at ${CHROMIUM_PATH}`;
  try {
    return await chromiumRendererOn(new URL(url), SETTLE_MS);
  } catch (e) {
    return `skipped: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  }
}

/** Committed heap of a worker_thread that loads nothing: what any thread costs before its own code. */
async function emptyThreadHeap(): Promise<number> {
  const w = new Worker(
    "require('node:worker_threads').parentPort.postMessage(require('node:v8').getHeapStatistics().total_heap_size)",
    { eval: true },
  );
  const bytes = await new Promise<number>((resolve) => w.once('message', resolve));
  await w.terminate();
  return bytes;
}

/** PSS of a bare Node process that has started and said hello. */
function bareProcessPss(): Promise<number> {
  return withBareProcess(async (pid) => (await readProportionalSetSize(pid)) ?? 0);
}

export async function rendererMemory(): Promise<BenchResult> {
  const threadBaseline = { what: 'an empty worker_thread’s V8 heap, same run', value: (await emptyThreadHeap()) / MB };
  const processBaseline = { what: 'a bare Node process’s PSS, same run', value: (await bareProcessPss()) / MB };
  const rows: Row[] = [];
  for (const url of PAGES) {
    const site = new URL(url).hostname;
    const renderer = await miniumRendererOn(url);
    const chromium = await chromiumOn(url);
    if (typeof chromium === 'string') process.stderr.write(`memory: Chromium on ${site} ${chromium}\n`);
    rows.push({
      metric: `renderer PSS, ${site}`,
      unit: 'MB',
      value: renderer.pssBytes! / MB,
      baseline:
        typeof chromium === 'string'
          ? { what: `Chromium’s renderer: ${chromium}`, value: 0 }
          : {
              what:
                `Chromium ${chromium.version}’s renderer, same page over HTTP ` +
                `(largest of its ${chromium.renderers})`,
              value: chromium.pssBytes / MB,
            },
    });
    const threads = renderer.threads.filter((t) => t.state === 'running' && t.heap);
    for (const t of threads)
      rows.push({
        metric: `${site}: ${t.id} thread’s V8 heap (committed; ${(t.heap!.usedBytes / MB).toFixed(1)} MB live)`,
        unit: 'MB',
        value: t.heap!.totalBytes / MB,
        baseline: threadBaseline,
      });
    const heaps = threads.reduce((sum, t) => sum + t.heap!.totalBytes, 0);
    rows.push({
      metric: `${site}: renderer PSS outside the V8 heaps`,
      unit: 'MB',
      value: (renderer.pssBytes! - heaps) / MB,
      baseline: processBaseline,
    });
  }
  return { name: 'memory', rows };
}

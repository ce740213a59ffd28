/**
 * An idle browser is not kept awake by its own statistics: a quiet child nobody looks at reports
 * only at its heartbeat, and the Task Manager or the architecture view, polling as the window
 * does, makes every child report at the live rate again. Counts from real processes: the same
 * span, once unwatched and once watched, compared with each other rather than with a time.
 */
import type { Browser } from '../../src/browser/Browser';
import type { RenderProcessHost } from '../../src/browser/RenderProcessHost';
import { openLive, startBrowser, waitFor } from './helpers';

let b: Browser;
beforeAll(async () => {
  b = await startBrowser();
});
afterAll(() => b.shutdown());

const SPAN_MS = 4000;
const POLL_MS = 250;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rendererOf(pid: number): RenderProcessHost {
  // The kernel's own host: the reports are counted where they arrive.
  const registry = (b as unknown as { parts: { renderers: { all(): RenderProcessHost[] } } }).parts.renderers;
  const host = registry.all().find((r) => r.pid === pid);
  if (!host) throw new Error(`no renderer ${pid}`);
  return host;
}

/** Reports the renderer sends over SPAN_MS while `look` (if any) polls as the window does. */
async function reportsOver(host: RenderProcessHost, look?: () => Promise<unknown>): Promise<number> {
  let reports = 0;
  const off = host.onReported(() => reports++);
  const until = Date.now() + SPAN_MS;
  while (Date.now() < until) {
    if (look) await look();
    await sleep(POLL_MS);
  }
  off();
  return reports;
}

test.each([
  ['the Task Manager', () => b.listProcesses()],
  ['the architecture view', () => b.architecture()],
])('a static tab’s renderer reports rarely while nobody looks, and live while %s is open', async (_view, look) => {
  const t = await openLive(b, 'https://article.example/');
  const host = rendererOf(t.pid!);
  await waitFor(() => host.threads.length > 0, 'the renderer’s first report');
  await sleep(4000); // past any earlier look's watch, and the page's load work done
  const unwatched = await reportsOver(host);
  const watched = await reportsOver(host, look);
  // The live rate is twice the quiet renderer's heartbeat (every 500 ms against every 1000 ms).
  expect(watched).toBeGreaterThanOrEqual(1.5 * unwatched);
  // What the open view shows is the renderer's own latest report.
  const listed = (await b.listProcesses()).find((p) => p.pid === t.pid);
  expect(listed?.threads.map((x) => x.id)).toEqual(host.threads.map((x) => x.id));
  await b.closeTab(t.id);
});

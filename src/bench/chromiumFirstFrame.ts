/**
 * Chromium's figure for the first-frame bench: Debian's Chromium, driven by playwright-core,
 * loads the same demo from the same local server, each time on a site it has not seen (so a new
 * renderer process: its spare, as Chromium keeps one). The time runs from the navigation's start
 * to the first paint's presentation (Paint Timing's first-paint is stamped when the frame is
 * presented), both read as wall-clock time on this machine.
 */
import * as fs from 'node:fs';
import { CHROMIUM_PATH } from './chromiumRenderer';

/** Runs in the page: the wall-clock time its first paint was presented, once there is one. */
const FIRST_PAINT_AT = `new Promise((resolve) => {
  const done = (e) => resolve(performance.timeOrigin + e.startTime);
  const now = performance.getEntriesByName('first-paint')[0];
  if (now) return done(now);
  new PerformanceObserver((list) => {
    const e = list.getEntriesByName('first-paint')[0];
    if (e) done(e);
  }).observe({ type: 'paint', buffered: true });
})`;

export type ChromiumResult = { ok: true; samples: number[]; version: string } | { ok: false; reason: string };

export async function chromiumFirstFrames(port: number, runs: number): Promise<ChromiumResult> {
  if (!fs.existsSync(CHROMIUM_PATH)) return { ok: false, reason: `no Chromium at ${CHROMIUM_PATH}` };
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch (e) {
    return { ok: false, reason: `playwright-core cannot be loaded: ${(e as Error).message}` };
  }
  const browser = await playwright.chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Every *.test host is this machine's demo server: a new site per run, one page served.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--host-resolver-rules=MAP *.test 127.0.0.1',
    ],
  });
  try {
    const context = await browser.newContext();
    const samples: number[] = [];
    // One warm-up run, unmeasured, as Minium's bench starts with its browser already up.
    for (let i = 0; i <= runs; i++) {
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(`http://site${i}.test:${port}/`, { waitUntil: 'commit' });
      const presented = (await page.evaluate(FIRST_PAINT_AT)) as number;
      if (i > 0) samples.push(presented - started);
      await page.close();
    }
    return { ok: true, samples, version: browser.version() };
  } finally {
    await browser.close();
  }
}

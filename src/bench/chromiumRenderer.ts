/**
 * Chromium's renderer on a Minium demo page, for `bench memory`'s baseline: the page's site folder
 * served over HTTP on 127.0.0.1 (by its Host header, so `http://news.example/` stays its own site),
 * Debian's Chromium driven by playwright-core, and the page's renderer found in the process tree
 * (`--type=renderer` among this process's descendants) and measured from /proc.
 */
import * as fs from 'node:fs';
import { readProportionalSetSize } from '../browser/ProcessMetrics';
import { serveDemoSites } from './demoServer';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export interface ChromiumReading {
  version: string;
  pssBytes: number;
  /** Renderer processes Chromium had for the page (the page's, and a spare if it kept one). */
  renderers: number;
}

/** This process's descendants whose command line says `--type=renderer` (extensions' renderers aside). */
function descendantRenderers(): number[] {
  const parent = new Map<number, number>();
  const renderer = new Set<number>();
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      // A zygote-forked renderer rewrites its title: its arguments are then separated by spaces.
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      if (argv.includes('--type=renderer') && !argv.includes('--extension-process')) renderer.add(pid);
    } catch {
      // A process that ended while the table was read.
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  return [...renderer].filter(descends);
}

/**
 * Opens `http://<site><path>` in a fresh headless Chromium, waits for the load and `settleMs`,
 * and reads the page's renderer: the largest of Chromium's renderers (a spare, if any, holds no page).
 */
export async function chromiumRendererOn(url: URL, settleMs: number): Promise<ChromiumReading> {
  // A development dependency: a packaged app has none, and says so through the caller.
  const { chromium } = await import('playwright-core');
  const server = await serveDemoSites();
  const port = server.port;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      `--host-resolver-rules=MAP ${url.hostname} 127.0.0.1:${port}`,
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 960, height: 600 } });
    await page.goto(`http://${url.host}${url.pathname}`, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, settleMs));
    const readings = await Promise.all(descendantRenderers().map(readProportionalSetSize));
    const pss = readings.filter((x): x is number => x !== null);
    if (!pss.length)
      throw new Error(`Chromium showed ${url.href} but no renderer process was found under PID ${process.pid}`);
    return { version: browser.version(), pssBytes: Math.max(...pss), renderers: pss.length };
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Debian's Chromium for the e2e tests: where it is, where screenshots go, how it is launched, and
 * a `describe` that is skipped, saying why, when there is no Chromium — unless
 * MINIUM_REQUIRE_CHROMIUM=1 (as .ci/run sets): then that is a failure.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { findChromium } from '../../src/shell/web/ChromiumWindow';
import { apiRequest, startWebShell, type WebShell } from '../integration/helpers';

export const CHROMIUM = findChromium() ?? process.env.MINIUM_CHROMIUM ?? '/usr/bin/chromium';
export const SHOTS = path.join(os.tmpdir(), 'minium-e2e');

/**
 * Why `tests` cannot run here for want of Chromium, or null when they can. The one place every
 * Chromium-dependent test asks: a skip is printed with its reason, and a missing Chromium is a
 * failure instead when MINIUM_REQUIRE_CHROMIUM=1 (as .ci/run sets).
 */
export function chromiumMissing(tests: string): string | null {
  const missing = findChromium()
    ? null
    : `there is no Chromium at ${CHROMIUM} (apt-get install chromium, or set MINIUM_CHROMIUM)`;
  if (missing && process.env.MINIUM_REQUIRE_CHROMIUM === '1')
    throw new Error(`The ${tests} are required (MINIUM_REQUIRE_CHROMIUM=1) but ${missing}.`);
  if (missing) process.stdout.write(`SKIPPED ${tests}: ${missing}\n`);
  return missing;
}

export function describeInChromium(name: string, suite: () => void): void {
  (chromiumMissing(`e2e tests "${name}"`) ? describe.skip : describe)(name, suite);
}

export function launchChromium(): Promise<Browser> {
  fs.mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Containers and CI machines may have a small /dev/shm; Chromium then crashes its renderers.
      '--disable-dev-shm-usage',
    ],
  });
}

/** The shell's window in a Chromium page, with what its console said. */
interface ShellWindow {
  page: Page;
  console: string[];
}

/** Opens the shell's UI (at `query` appended to its URL) and resolves once the window says it is ready. */
async function openWindow(
  browser: Browser,
  shell: WebShell,
  viewport: { width: number; height: number },
  query = '',
): Promise<ShellWindow> {
  const page = await browser.newPage({ viewport });
  const lines: string[] = [];
  const note = (line: string) => lines.push(`${new Date().toISOString()} ${line}`) > 200 && lines.shift();
  page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
  page.on('console', (m) => note(`${m.type()}: ${m.text()}`));
  page.on('requestfailed', (r) => note(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  await page.goto(shell.url + query);
  // The window wires its controls, then loads its lists; it says when it is ready for input.
  await page.locator('html[data-ready="true"]').waitFor();
  return { page, console: lines };
}

/**
 * A test that, when it fails, prints what the shell and the window said and what the kernel holds,
 * so that a failure on a machine nobody can log into explains itself.
 */
function diagnosedTest(name: string, context: () => { shell: WebShell; window: ShellWindow }) {
  return (body: () => Promise<void>, timeoutMs?: number) =>
    test(
      name,
      async () => {
        try {
          await body();
        } catch (e) {
          const { shell, window } = context();
          const shot = path.join(SHOTS, `failed-${name.slice(0, 40).replace(/\W+/g, '-')}.png`);
          const saved = await window.page.screenshot({ path: shot }).then(
            () => shot,
            (err: Error) => `none (${err.message})`,
          );
          const tabs = await apiRequest(shell, 'GET', '/api/tabs').then(
            (a) => `${a.status} ${JSON.stringify(a.json)}`,
            (err: Error) => `unavailable (${err.message})`,
          );
          process.stderr.write(
            `\n--- diagnostics for "${name}" ---\nthe shell's last output:\n${shell.log()}\n` +
              `the window's console:\n${window.console.join('\n')}\n` +
              `GET /api/tabs: ${tabs}\nscreenshot: ${saved}\n--- end of diagnostics ---\n`,
          );
          throw e;
        }
      },
      timeoutMs,
    );
}

/**
 * For a suite of one window: starts a web shell (with `shellArgs`) and Chromium before the suite,
 * opens the window (at `query`, as `openWindow` does), ends both after it, and gives the suite its
 * `e2e` tests (diagnosed on failure) and getters for what beforeAll made.
 */
export function windowSuite(shellArgs: string[], viewport = { width: 1400, height: 860 }, query = '') {
  let shell: WebShell;
  let browser: Browser | undefined;
  let window: ShellWindow;
  beforeAll(async () => {
    shell = await startWebShell(shellArgs);
    browser = await launchChromium();
    window = await openWindow(browser, shell, viewport, query);
  });
  afterAll(async () => {
    await browser?.close();
    shell?.child.kill('SIGTERM');
  });
  return {
    e2e: (name: string, body: () => Promise<void>, timeoutMs?: number) =>
      diagnosedTest(name, () => ({ shell, window }))(body, timeoutMs),
    shell: () => shell,
    page: () => window.page,
  };
}

/**
 * End to end: Debian's Chromium, driven by Playwright, on the web shell's UI. Two sites, End
 * process on one, its sad tab, the other still animating, Reload.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser as Chromium, chromium, type Page } from 'playwright-core';
import { startWebShell, waitFor } from '../integration/helpers';

// The callbacks given to page.evaluate run in the page; these are the few DOM names they use.
declare const document: { getElementById(id: string): { getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } } };

const CHROMIUM = process.env.MINIUM_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = path.join(os.tmpdir(), 'minium-e2e');

let shell: Awaited<ReturnType<typeof startWebShell>>;
let browser: Chromium;
let page: Page;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`The e2e tests need Chromium at ${CHROMIUM} (apt-get install chromium, or set MINIUM_CHROMIUM).`);
  fs.mkdirSync(SHOTS, { recursive: true });
  shell = await startWebShell();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
  await page.goto(shell.url);
});

afterAll(async () => {
  await browser?.close();
  shell?.child.kill('SIGTERM');
});

/** A pixel of the tab's content canvas, as the window shows it. */
const pixel = (x: number, y: number) =>
  page.evaluate(([px, py]) => Array.from(document.getElementById('surface').getContext('2d').getImageData(px, py, 1, 1).data.slice(0, 3)), [x, y]);

const activeTab = () => page.locator('.tab.active');

/** Opens a demo from the menu; resolves with its tab's id once that tab is the active one and live. */
async function openDemo(label: RegExp): Promise<string> {
  const option = page.locator('#demos option').filter({ hasText: label });
  const url = (await option.getAttribute('value'))!;
  await page.selectOption('#demos', url);
  await waitFor(async () => (await page.inputValue('#address')) === url && (await activeTab().getAttribute('data-state')) === 'live', `${label} to be the live, active tab`);
  return (await activeTab().getAttribute('data-tab-id'))!;
}

test('open two sites, End process on one, see its sad tab, the other still animates, Reload', async () => {
  const orbitId = await openDemo(/^Orbit/);
  // Orbit's dark background, composited by the GPU process and drawn in the window.
  await waitFor(async () => (await pixel(900, 580)).join() === '11,16,33', 'Orbit’s pixels in the window');

  const newsId = await openDemo(/^News front page/);
  await waitFor(async () => (await pixel(900, 580)).join() === '255,253,247', 'the news page’s pixels');
  await page.screenshot({ path: path.join(SHOTS, '1-two-sites.png') });

  await page.click('#taskmanager-toggle');
  const newsRow = page.locator('tr.process[data-role="renderer"]', { hasText: 'news.example' });
  await newsRow.waitFor();
  await newsRow.locator('button.end-process').click();

  await page.locator('#sad-tab').waitFor({ state: 'visible' });
  expect(await page.textContent('#sad-reason')).toMatch(/reason: killed/);
  await page.screenshot({ path: path.join(SHOTS, '2-sad-tab.png') });

  // The other site's tab is live, and its spinning layer still moves.
  await page.click(`.tab[data-tab-id="${orbitId}"]`);
  await page.locator('#sad-tab').waitFor({ state: 'hidden' });
  expect(await activeTab().getAttribute('data-state')).toBe('live');
  const samples = new Set<string>();
  await waitFor(async () => {
    samples.add((await page.evaluate(() => Array.from(document.getElementById('surface').getContext('2d').getImageData(20, 200, 160, 160).data.filter((_: number, i: number) => i % 97 === 0)).join())));
    return samples.size >= 3;
  }, 'the spinning layer to move', 10000);
  await page.screenshot({ path: path.join(SHOTS, '3-survivor.png') });

  await page.click(`.tab[data-tab-id="${newsId}"]`);
  await page.locator('#sad-tab').waitFor({ state: 'visible' });
  await page.click('#sad-reload');
  await page.locator('#sad-tab').waitFor({ state: 'hidden' });
  await waitFor(async () => (await activeTab().getAttribute('data-state')) === 'live', 'the reloaded tab');
  await waitFor(async () => (await pixel(900, 580)).join() === '255,253,247', 'the reloaded page’s pixels');
  await page.screenshot({ path: path.join(SHOTS, '4-reloaded.png') });
});

test('a bad address shows its reason and keeps the tab', async () => {
  await page.fill('#address', 'file:///etc/passwd');
  await page.press('#address', 'Enter');
  await page.locator('#banner').waitFor({ state: 'visible' });
  expect(await page.textContent('#banner')).toMatch(/file: scheme is not supported/);
  expect(await activeTab().getAttribute('data-state')).toBe('live');
});

test('the Lab page runs the process-versus-thread lab in its own process and shows its verdicts', async () => {
  await page.click('#lab-toggle');
  await page.click('button[data-lab="threads"][data-quick="true"]');
  const mt3 = page.locator('#lab-results table.verdicts tr[data-claim="MT3"]');
  await mt3.waitFor({ timeout: 60000 });
  expect(await mt3.textContent()).toMatch(/MT3holds.*whole process ended by SIGSEGV/);
  expect(await page.locator('#lab-results h3').first().textContent()).toBe('Processes against threads');
  await page.screenshot({ path: path.join(SHOTS, '5-lab.png'), fullPage: true });
  await page.click('#lab-toggle');
});

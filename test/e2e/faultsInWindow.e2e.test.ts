/**
 * End to end, in Debian's Chromium on the web shell's UI: debug URLs typed into the address bar
 * give the sad tab of their kind with its exit reason line (crashed, out of memory, killed), a
 * stuck page gets the "Page unresponsive" bar whose Wait and Exit page work, other sites' tabs stay
 * live, and the Task Manager's Sandbox column says what each child runs under.
 */
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { TabInfo } from '../../src/common/controlApi';
import { api, waitFor, type WebShell } from '../integration/helpers';
import { describeInChromium, SHOTS, windowSuite } from './chromium';

describeInChromium('faults in the web shell’s window', () => {
  // Unresponsive after 5 s rather than 15; memory-exhaust ends at a 900 MB budget.
  const suite = windowSuite(['--short-hang', '--memory-budget', '900']);
  const { e2e } = suite;
  let page: Page;
  let shell: WebShell;
  beforeAll(() => {
    page = suite.page();
    shell = suite.shell();
  });

  const activeTab = () => page.locator('.tab.active');
  /** The active tab's id, or null while there is none (the window starts without tabs). */
  const activeId = async () => ((await activeTab().count()) ? activeTab().getAttribute('data-tab-id') : null);

  /** Clicks New tab; resolves with the new tab's id once it is the active one. */
  async function newTab(): Promise<string> {
    const before = new Set((await tabs()).map((t) => String(t.id)));
    await page.click('#new-tab');
    return waitFor(async () => {
      const id = await activeId();
      return id !== null && !before.has(id) && id;
    }, 'the new tab to be the active one');
  }

  const tabs = () => api<TabInfo[]>(shell, 'GET', '/api/tabs');

  /** Types an address into the address bar, as a person does, and presses Enter. */
  async function type(url: string): Promise<void> {
    await page.fill('#address', url);
    await page.press('#address', 'Enter');
  }

  /** A new tab, then news.example typed into it: a live tab of its own site, in its own renderer. */
  async function newsTab(): Promise<string> {
    await newTab();
    await type('https://news.example/');
    await waitFor(
      async () =>
        (await page.inputValue('#address')) === 'https://news.example/' &&
        (await activeTab().getAttribute('data-state')) === 'live',
      'news.example to be live in the active tab',
    );
    return (await activeTab().getAttribute('data-tab-id'))!;
  }

  /** The first orbit.example tab (New tab's page) is live: the faults stayed in news.example's renderer. */
  async function orbitLives(): Promise<void> {
    const orbit = (await tabs()).filter((t) => t.site === 'https://orbit.example');
    expect(orbit.length).toBeGreaterThan(0);
    expect(orbit.map((t) => t.state)).toEqual(orbit.map(() => 'live'));
  }

  e2e('the Task Manager’s Sandbox column says what each child runs under, as the kernel reported', async () => {
    await newTab(); // an orbit.example tab, kept live through every fault below
    await newsTab();
    await page.click('#taskmanager-toggle');
    const sandboxOf = (role: string) =>
      page.locator(`tr.process[data-role="${role}"] td.sandbox`).first().textContent({ timeout: 10000 });
    expect(await sandboxOf('renderer')).toMatch(/^seccomp-bpf \+ Landlock ABI \d+ \+ Node permission model$/);
    expect(await sandboxOf('gpu')).toMatch(/^seccomp-bpf \+ Landlock ABI \d+ \+ Node permission model$/);
    expect(await sandboxOf('browser')).toBe('none: the browser process is trusted');
    expect(await page.locator('tr.process[data-role="renderer"] td.sandbox').first().getAttribute('title')).toMatch(
      /^Seccomp: 2 \(\d+ filters?\), NoNewPrivs: 1, applied in \d+ µs$/,
    );
    await page.screenshot({ path: path.join(SHOTS, 'faults-1-sandbox-column.png') });
    await page.click('#taskmanager-toggle');
  });

  for (const [url, title, reason] of [
    ['minium://crash', 'Aw, Snap!', '(reason: crashed, signal SIGSEGV)'],
    ['minium://kill', "He's dead, Jim!", '(reason: killed, signal SIGKILL)'],
    ['minium://badmessage', "He's dead, Jim!", '(reason: killed, signal SIGKILL)'],
    ['minium://memory-exhaust', 'Aw, Snap! Out of memory', '(reason: oom'],
  ])
    e2e(`${url} typed in the address bar: “${title}” with the exit reason line; other sites live`, async () => {
      const id = await newsTab();
      await type(url);
      await page.locator('#sad-tab').waitFor({ state: 'visible', timeout: 30000 });
      expect(await activeId()).toBe(id);
      expect(await activeTab().getAttribute('data-state')).toBe('crashed');
      expect(await page.textContent('#sad-title')).toBe(title);
      expect(await page.textContent('#sad-reason')).toContain(reason);
      await page.screenshot({ path: path.join(SHOTS, `faults-sad-${url.slice('minium://'.length)}.png`) });
      await orbitLives();
    });

  e2e(
    'minium://hang typed in the address bar: Page unresponsive; Wait hides the bar, Exit page ends the page',
    async () => {
      const waited = await newsTab();
      await type('minium://hang');
      await page.locator('#hung').waitFor({ state: 'visible', timeout: 30000 });
      expect(await page.textContent('#hung-text')).toMatch(/^Page unresponsive: its main thread \(renderer pid \d+\)/);
      await page.screenshot({ path: path.join(SHOTS, 'faults-hung.png') });
      await page.click('#hung-wait');
      await page.locator('#hung').waitFor({ state: 'hidden' });
      expect((await tabs()).find((t) => t.id === Number(waited))).toMatchObject({ state: 'live', unresponsive: true });

      // A page of another site loops forever after loading: the bar comes for it, and Exit page ends its renderer.
      await newTab();
      await type('https://faults.example/hang.html');
      await page.locator('#hung').waitFor({ state: 'visible', timeout: 30000 });
      await page.click('#hung-kill');
      await page.locator('#sad-tab').waitFor({ state: 'visible' });
      expect(await page.textContent('#sad-title')).toBe("He's dead, Jim!");
      expect(await page.textContent('#sad-reason')).toContain('(reason: killed, signal SIGKILL)');
      await page.screenshot({ path: path.join(SHOTS, 'faults-exit-page.png') });
      await orbitLives();
    },
    90000,
  );
});

/**
 * End to end: the architecture view in Debian's Chromium, full-window (`?view=architecture`), on
 * a web shell of its own. Two sites → two renderer boxes with main, compositor and raster threads,
 * a GPU box, and the edges between them; End process on one → its box breaks and its tab turns
 * sad, while the other's frame sink keeps counting frames. Then each seed figure draws from the
 * same live graph. Skipped without Chromium (`./chromium.ts`).
 */
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { ProcessInfo, TabInfo } from '../../src/common/controlApi';
import { api, waitFor, type WebShell } from '../integration/helpers';
import { describeInChromium, SHOTS, windowSuite } from './chromium';

describeInChromium('architecture view in Chromium', () => {
  const suite = windowSuite([], { width: 1600, height: 940 }, '&view=architecture');
  const { e2e } = suite;
  let shell: WebShell;
  let page: Page;
  beforeAll(() => {
    shell = suite.shell();
    page = suite.page();
    // Two cores shared by many processes: give each step room; no assertion here is about time.
    page.setDefaultTimeout(60000);
  });

  const box = (pid: number) => page.locator(`.arch-live .arch-process[data-pid="${pid}"]`);
  const attr = (selector: string, name: string) => page.locator(selector).first().getAttribute(name);
  const edge = (kind: string, end: 'from' | 'to', pid: number) =>
    `.arch-live .arch-edge[data-kind="${kind}"][data-${end}="${pid}"]`;

  e2e(
    'two sites: a box per renderer with its threads, a GPU box, and the channels between them',
    async () => {
      // A tab presents only while it is the shown one: each has drawn before the next one opens.
      const presenting = (tab: TabInfo) =>
        waitFor(
          async () => {
            const t = (await api<TabInfo[]>(shell, 'GET', '/api/tabs')).find((x) => x.id === tab.id);
            return t?.state === 'live' && t.framesPresented > 0 && t;
          },
          `${tab.url} live and presenting`,
          120000,
        );
      const orbit = await api<TabInfo>(shell, 'POST', '/api/tabs', { url: 'https://orbit.example/' });
      const live = [await presenting(orbit)];
      const news = await api<TabInfo>(shell, 'POST', '/api/tabs', { url: 'https://news.example/' });
      live.push(await presenting(news));
      const pidOf = (t: TabInfo) => live.find((x) => x.id === t.id)!.pid!;
      const [orbitPid, newsPid] = [pidOf(orbit), pidOf(news)];
      expect(page.url()).toContain('view=architecture');
      expect(await page.locator('#architecture').getAttribute('class')).toContain('full');

      // Wait for the graph to show both tile pools: the renderers have drawn, and the GPU process has said so.
      await page.locator(edge('tile-pool', 'from', orbitPid)).waitFor();
      await page.locator(edge('tile-pool', 'from', newsPid)).waitFor();
      // The two sites' renderers, and the warm spare the next new site would take.
      expect(await page.locator('.arch-live .arch-process[data-role="renderer"]:not([data-spare])').count()).toBe(2);
      await page.locator('.arch-live .arch-process[data-role="renderer"][data-spare]').waitFor();
      for (const pid of [orbitPid, newsPid]) {
        expect(await box(pid).getAttribute('data-state')).toBe('live');
        const kinds = await box(pid)
          .locator('.arch-thread')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
        expect(kinds).toEqual(expect.arrayContaining(['io', 'main', 'compositor', 'raster']));
      }
      const gpu = await api<ProcessInfo[]>(shell, 'GET', '/api/processes').then((ps) =>
        ps.find((p) => p.role === 'gpu')!,
      );
      expect(await box(gpu.pid).getAttribute('data-role')).toBe('gpu');
      for (const pid of [orbitPid, newsPid, gpu.pid])
        expect(await page.locator(edge('ipc', 'to', pid)).count()).toBe(1);
      for (const pid of [orbitPid, newsPid]) {
        expect(await attr(edge('frame-sink', 'from', pid), 'data-to')).toBe(String(gpu.pid));
        expect(await attr(edge('tile-pool', 'from', pid), 'data-to')).toBe(String(gpu.pid));
      }
      await page.screenshot({ path: path.join(SHOTS, 'architecture-1-two-sites.png') });

      // End process on the news renderer: its box breaks, its tab is sad; Orbit's frames keep coming.
      const framesBefore = Number(await attr(edge('frame-sink', 'from', orbitPid), 'data-messages'));
      await box(newsPid).click();
      const end = page.locator('.arch-menu button', { hasText: `End process ${newsPid}` });
      await end.click();
      await page.locator(`.arch-live .arch-process[data-pid="${newsPid}"][data-state="crashed"]`).waitFor();
      expect(await box(newsPid).locator('.arch-stamp').textContent()).toContain('killed');
      expect(await box(newsPid).locator(`.arch-tab.sad[data-tab-id="${news.id}"]`).count()).toBe(1);
      await page.screenshot({ path: path.join(SHOTS, 'architecture-2-crash.png') });
      expect(await box(orbitPid).getAttribute('data-state')).toBe('live');
      await api<TabInfo>(shell, 'POST', `/api/tabs/${orbit.id}/activate`, {}); // the survivor, shown, animates on
      await waitFor(
        async () => Number(await attr(edge('frame-sink', 'from', orbitPid), 'data-messages')) > framesBefore + 10,
        "Orbit's frame sink to keep counting frames",
        60000,
      );
      // The browser, which owns the tabs, shows the killed one as a sad tab.
      await page.locator(`.arch-live [data-role="browser"] .arch-tab.sad[data-tab-id="${news.id}"]`).waitFor();
      expect(await page.locator(edge('ipc', 'to', newsPid)).count()).toBe(0);

      // Each refresh updates the figure's elements in place, so busy bars glide (a CSS transition
      // runs only on an element that stays): the survivor's and the GPU process's rows, bars, chips
      // and figures, and the frame sink's label, are the same DOM nodes after a refresh as before.
      const parts = ['.arch-thread', '.arch-thread-busy', '.arch-tab', '.arch-metrics'];
      const kept = page.locator(
        [
          ...[orbitPid, gpu.pid].flatMap((pid) => parts.map((part) => `.arch-live [data-pid="${pid}"] ${part}`)),
          '.arch-live .arch-edge-label[data-kind="frame-sink"] text',
        ].join(', '),
      );
      const marked = await kept.evaluateAll((nodes) => nodes.map((n) => Object.assign(n, { keptByTest: true })).length);
      expect(marked).toBeGreaterThan(10);
      const framesMarked = Number(await attr(edge('frame-sink', 'from', orbitPid), 'data-messages'));
      await waitFor(
        async () => Number(await attr(edge('frame-sink', 'from', orbitPid), 'data-messages')) > framesMarked,
        'the figure to refresh',
        60000,
      );
      expect(await kept.evaluateAll((nodes) => nodes.filter((n) => 'keptByTest' in n).length)).toBe(marked);
      expect(await kept.count()).toBe(marked);
      // After its 8 s on screen, the broken box goes: a process that is gone is pruned from the figure.
      await box(newsPid).waitFor({ state: 'detached' });
    },
    240000,
  );

  e2e(
    "the seed's figures draw from the same live graph",
    async () => {
      await page.click('[data-figure="processes"]');
      await page.locator('.arch-fig-processes .arch-process[data-role="renderer"]').first().waitFor();
      expect(await page.locator('.arch-fig-processes .arch-process[data-role="gpu"]').count()).toBe(1);

      await page.click('[data-figure="browser"]');
      await page.locator('.arch-fig-browser .arch-role-band[data-role="renderer"] .arch-process').first().waitFor();

      await page.click('[data-figure="shared"]');
      await page.locator('.arch-fig-shared .arch-shm').waitFor();
      expect(Number(await page.locator('.arch-fig-shared .arch-shm').getAttribute('data-bytes'))).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(SHOTS, 'architecture-3-shared-memory.png') });

      await page.click('[data-figure="threads"]');
      await page.locator('.arch-fig-threads .arch-thread[data-kind="compositor"]').waitFor();
      expect(await page.locator('.arch-fig-threads .arch-thread[data-kind="raster"]').count()).toBeGreaterThan(0);

      await page.click('.arch-head button:has-text("Exit full window")');
      expect(await page.locator('#architecture').getAttribute('class')).not.toContain('full');
      expect(await page.locator('#chrome').isVisible()).toBe(true);
    },
    240000,
  );
});

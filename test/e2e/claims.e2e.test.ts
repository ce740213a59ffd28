/**
 * End to end, the claims tour in Debian's Chromium: the Claims page lists every claim id, and
 * Show me for MP2 plays crash-isolation in the running browser until its verdict reads "holds".
 * Without Chromium the suite is skipped, saying why, unless MINIUM_REQUIRE_CHROMIUM=1.
 */
import type { Page } from 'playwright-core';
import { CLAIMS } from '../../src/browser/claimList';
import { describeInChromium, windowSuite } from './chromium';

describeInChromium('the claims tour in Chromium', () => {
  const suite = windowSuite([], { width: 1280, height: 800 });
  const { e2e } = suite;
  let page: Page;
  beforeAll(() => {
    page = suite.page();
  });

  e2e(
    'lists every claim id, and Show me for MP2 ends with the verdict "holds"',
    async () => {
      await page.click('#claims-toggle');
      await page.waitForSelector(`#claims-rows tr[data-claim="TB6"]`);
      const ids = await page
        .locator('#claims-rows tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-claim')));
      expect(ids).toEqual(CLAIMS.map((c) => c.id));
      const verdict = page.locator('#claims-rows tr[data-claim="MP2"] .verdict');
      expect(await verdict.getAttribute('data-verdict')).toBe('not-run');

      await page.click('#claims-rows tr[data-claim="MP2"] button');
      await page.waitForSelector('#claims-rows tr[data-claim="MP2"] .verdict[data-verdict="holds"]', {
        timeout: 90000,
      });
      expect(await page.locator('#claims-rows tr[data-claim="MP2"] td:nth-child(4)').textContent()).toMatch(
        /Shown live \(crash-isolation\): 4\/4 expectations held/,
      );
      // It ran here: the window's tab strip has the demonstration's tabs, one of them sad.
      expect(await page.locator('#tabstrip .tab[data-state="crashed"]').count()).toBe(1);
    },
    120000,
  );
});

/**
 * The web shell's window, for a scenario's window steps: Debian's Chromium (or MINIUM_CHROMIUM)
 * driven by Playwright over the DevTools protocol, showing the UI at a fixed size so that a
 * recording's frames are all one size. Headless when asked or when there is no display.
 */
import type { Browser as Chromium, Page } from 'playwright-core';
import type { ScenarioWindow } from '../../scenario/ScenarioRunner';
import type { PanelName } from '../../scenario/steps';
import { findChromium } from '../web/ChromiumWindow';

export const WINDOW_SIZE = { width: 1280, height: 800 };

/** The toolbar button that opens each panel, and the panel; the Electron shell's window uses them too. */
export const PANEL_SELECTORS: Record<PanelName, { button: string; panel: string }> = {
  'task-manager': { button: '#taskmanager-toggle', panel: '#taskmanager' },
  labs: { button: '#lab-toggle', panel: '#lab' },
  console: { button: '#console-toggle', panel: '#console' },
  rendering: { button: '#rendering-toggle', panel: '#rendering' },
  claims: { button: '#claims-toggle', panel: '#claims' },
  architecture: { button: '#architecture-toggle', panel: '#architecture' },
};

export class PlaywrightWindow implements ScenarioWindow {
  private constructor(
    private readonly chromium: Chromium,
    readonly page: Page,
  ) {}

  static async open(url: string, headless: boolean): Promise<PlaywrightWindow> {
    const executablePath = findChromium();
    if (!executablePath)
      throw new Error(
        'No Chromium to show the window in: install Debian\'s "chromium" package, or set MINIUM_CHROMIUM',
      );
    let playwright: typeof import('playwright-core');
    try {
      playwright = await import('playwright-core');
    } catch (e) {
      throw new Error(`Scenarios drive the window with playwright-core, which is not installed: ${String(e)}`, {
        cause: e,
      });
    }
    const chromium = await playwright.chromium.launch({
      executablePath,
      headless,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    const page = await chromium.newPage({ viewport: WINDOW_SIZE });
    page.on('pageerror', (e) => process.stderr.write(`minium: the window's script failed: ${e.message}\n`));
    await page.goto(url);
    await page.locator('html[data-ready="true"]').waitFor(); // the window has wired its controls and loaded its lists
    return new PlaywrightWindow(chromium, page);
  }

  async showsTab(tabId: number): Promise<void> {
    await this.page.waitForSelector(`#tabstrip .tab.active[data-tab-id="${tabId}"]`);
  }

  async typeAddress(text: string): Promise<void> {
    const address = this.page.locator('#address');
    // One input event, not a key each: under load a key's round trip through the window is slow.
    await address.click();
    await address.fill(text);
    await address.press('Enter');
  }

  async openPanel(panel: PanelName): Promise<void> {
    const { button, panel: selector } = PANEL_SELECTORS[panel];
    if (await this.page.locator(selector).isHidden()) await this.page.click(button);
    await this.page.waitForSelector(selector, { state: 'visible' });
  }

  close(): Promise<void> {
    return this.chromium.close();
  }
}

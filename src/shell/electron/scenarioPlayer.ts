/**
 * `minium scenario run --shell electron`: Electron's main process plays a scenario against its
 * own kernel, drives its own window for window steps (scripts run in the page, the same clicks a
 * person makes), and records that window from Electron's frame subscription, a picture per
 * paint, into the same 30 fps `VideoEncoder` the web shell's screencast feeds. The CLI starts
 * Electron with MINIUM_SCENARIO (and MINIUM_RECORD, MINIUM_SPEED) set; nothing else does.
 */
import { waitFor } from '../../common/waitFor';
import type { BrowserWindow } from 'electron';
import type { Browser } from '../../browser/Browser';
import { loadScenario } from '../../scenario/bundledScenarios';
import { runScenario, type ScenarioWindow } from '../../scenario/ScenarioRunner';
import type { PanelName } from '../../scenario/steps';
import { PANEL_SELECTORS } from '../scenario/ScenarioWindow';
import { VideoEncoder } from '../scenario/VideoEncoder';

export interface ElectronScenarioRequest {
  scenario: string;
  record?: string;
  speed: number;
}

/** What the CLI asked for through the environment, or null when Electron was started as the app. */
export function scenarioRequest(env: NodeJS.ProcessEnv): ElectronScenarioRequest | null {
  if (!env.MINIUM_SCENARIO) return null;
  const speed = env.MINIUM_SPEED ? Number(env.MINIUM_SPEED) : 1;
  if (!(speed > 0)) throw new Error(`MINIUM_SPEED must be a positive number, not "${env.MINIUM_SPEED}"`);
  return { scenario: env.MINIUM_SCENARIO, record: env.MINIUM_RECORD || undefined, speed };
}

class ElectronWindow implements ScenarioWindow {
  constructor(private readonly win: BrowserWindow) {}

  private run(script: string): Promise<unknown> {
    return this.win.webContents.executeJavaScript(script, true);
  }

  async showsTab(tabId: number): Promise<void> {
    // The window follows the browser's visible tab through its events.
    const shown = `Boolean(document.querySelector('#tabstrip .tab.active[data-tab-id="${tabId}"]'))`;
    await waitFor(async () => (await this.run(shown)) === true, `the window to show tab ${tabId}`, 5000);
  }

  async typeAddress(text: string): Promise<void> {
    await this.run(
      `(() => { const a = document.getElementById('address'); a.focus(); a.value = ${JSON.stringify(text)};` +
        ` document.getElementById('omnibox').requestSubmit(); a.blur(); })()`,
    );
  }

  async openPanel(panel: PanelName): Promise<void> {
    const { button, panel: selector } = PANEL_SELECTORS[panel];
    await this.run(`document.querySelector('${selector}').hidden && document.querySelector('${button}').click()`);
  }
}

/** Plays the scenario in this window; resolves with the process's exit code (0: every expect held). */
export async function playInElectron(
  browser: Browser,
  win: BrowserWindow,
  request: ElectronScenarioRequest,
): Promise<number> {
  const scenario = loadScenario(request.scenario);
  const encoder = request.record ? new VideoEncoder(request.record) : null;
  const now = () => performance.now() / 1000;
  if (encoder) win.webContents.beginFrameSubscription(false, (image) => encoder.picture(image.toJPEG(85), now()));
  const result = await runScenario(browser, scenario, {
    window: new ElectronWindow(win),
    speed: request.speed,
    out: (line) => process.stdout.write(`${line}\n`),
  });
  if (encoder) {
    win.webContents.endFrameSubscription();
    const video = await encoder.finish(now());
    process.stderr.write(`recorded ${video.file}: ${video.frames} frames, ${video.seconds.toFixed(1)} s at 30 fps\n`);
  }
  return result.passed ? 0 : result.error ? 2 : 1;
}

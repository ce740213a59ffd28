/**
 * `minium scenario list` and `minium scenario run FILE|NAME [--headless] [--record out.mp4]
 * [--speed N]`: starts a browser as the scenario asks, its window in Chromium, plays the steps
 * (a line each on stdout), optionally records the window, and exits 0 only when every `expect`
 * held. A malformed file is refused before anything starts.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { Browser } from '../../browser/Browser';
import { SHORT_HUNG_RENDERER_DELAY_MS } from '../../browser/RenderProcessHost';
import { NodeChildLauncher } from '../../platform/node/NodeChildLauncher';
import { APP_ROOT } from '../../platform/paths';
import { bundledScenarios, loadScenario } from '../../scenario/bundledScenarios';
import { runScenario } from '../../scenario/ScenarioRunner';
import type { Scenario } from '../../scenario/steps';
import { PlaywrightWindow, WINDOW_SIZE } from '../scenario/ScenarioWindow';
import { ScreencastRecorder } from '../scenario/ScreencastRecorder';
import { checkRecording } from '../scenario/VideoEncoder';
import { hasDisplay } from '../web/ChromiumWindow';
import { ControlServer } from '../web/ControlServer';
import { findElectronBinary } from './electronBinary';

export interface ScenarioCommandOptions {
  /** `electron`: play it in the Electron shell's window, where Electron's binary is installed. */
  shell?: string;
  headless: boolean;
  record?: string;
  speed: number;
  sandbox: boolean;
}

/** Exit codes: every expectation held, one did not, the scenario could not be read or run. */
export const SCENARIO_EXIT = { passed: 0, failed: 1, error: 2 } as const;

export async function scenarioCommand(
  sub: string | undefined,
  target: string | undefined,
  options: ScenarioCommandOptions,
): Promise<number> {
  if (sub === 'list') {
    for (const s of bundledScenarios())
      process.stdout.write(`${s.name.padEnd(22)} ${s.title}${s.claims.length ? ` [${s.claims.join(', ')}]` : ''}\n`);
    return SCENARIO_EXIT.passed;
  }
  if (sub !== 'run' || !target)
    throw new Error(
      'Usage: minium scenario list | ' +
        'minium scenario run FILE|NAME [--headless] [--record out.mp4|out.webm] [--speed N]',
    );
  if (!(options.speed > 0)) throw new Error(`--speed takes a positive number, not ${options.speed}`);
  let scenario: Scenario;
  try {
    scenario = loadScenario(target);
    if (options.record) checkRecording(options.record);
  } catch (e) {
    process.stderr.write(`minium: ${e instanceof Error ? e.message : String(e)}\n`);
    return SCENARIO_EXIT.error;
  }
  if (options.shell === 'electron') {
    const electron = findElectronBinary();
    if (electron.path) return playInElectron(electron.path, target, options);
    process.stderr.write(`minium: the Electron shell is skipped: ${electron.why}; playing in Chromium instead.\n`);
  }
  return play(scenario, options);
}

/** Electron's main process plays it (`shell/electron/scenarioPlayer.ts`); its exit code is ours. */
function playInElectron(binary: string, target: string, options: ScenarioCommandOptions): Promise<number> {
  const env = {
    ...process.env,
    MINIUM_SCENARIO: target, // Electron inherits our working directory: a relative path resolves the same
    MINIUM_SPEED: String(options.speed),
    ...(options.record ? { MINIUM_RECORD: path.resolve(options.record) } : {}),
  };
  const child = spawn(binary, [APP_ROOT], { stdio: 'inherit', env });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? SCENARIO_EXIT.error)));
}

async function play(scenario: Scenario, options: ScenarioCommandOptions): Promise<number> {
  const browser = new Browser({
    launcher: new NodeChildLauncher(),
    sandbox: options.sandbox,
    rasterThreads: scenario.browser.rasterThreads,
    hangTimeoutMs: scenario.browser.shortHang ? SHORT_HUNG_RENDERER_DELAY_MS : undefined,
    rendererMemoryBudgetMb: scenario.browser.memoryBudgetMb,
  });
  const token = randomBytes(16).toString('hex');
  const server = new ControlServer(browser, token);
  let window: PlaywrightWindow | null = null;
  let recorder: ScreencastRecorder | null = null;
  try {
    await browser.start();
    const port = await server.listen(0);
    window = await PlaywrightWindow.open(`http://127.0.0.1:${port}/?token=${token}`, options.headless || !hasDisplay());
    if (options.record) recorder = await ScreencastRecorder.start(window.page, options.record, WINDOW_SIZE);
    // On a terminal the progress line is rewritten in place, and cleared before each step's line.
    const tty = process.stderr.isTTY;
    const result = await runScenario(browser, scenario, {
      window,
      speed: options.speed,
      out: (line) => {
        if (recorder && tty) process.stderr.write('\r\x1b[K');
        process.stdout.write(`${line}\n`);
      },
      onStep: (i, step) =>
        recorder &&
        process.stderr.write(
          `${tty ? '\r' : ''}recording ${recorder.encoder.file}: ` +
            `step ${i + 1}/${scenario.steps.length} (line ${step.line}), ` +
            `${recorder.encoder.seconds.toFixed(1)} s, ${recorder.encoder.framesWritten} frames${tty ? '' : '\n'}`,
        ),
    });
    if (recorder) {
      await new Promise((r) => setTimeout(r, 500)); // the last picture stays a moment
      const video = await recorder.stop();
      recorder = null;
      process.stderr.write(
        `${tty ? '\r\x1b[K' : ''}recorded ${video.file}: ` +
          `${video.frames} frames, ${video.seconds.toFixed(1)} s at 30 fps\n`,
      );
    }
    return result.passed ? SCENARIO_EXIT.passed : result.error ? SCENARIO_EXIT.error : SCENARIO_EXIT.failed;
  } finally {
    await recorder?.stop().catch(() => undefined);
    await window?.close();
    server.close();
    await browser.shutdown();
  }
}

/**
 * Performs a parsed scenario, step by step, through the control API: the same calls the window
 * and the tests make, no other way into the kernel. Window steps (type, panel) go to a
 * `ScenarioWindow` when the run has one (the CLI drives Chromium through the DevTools protocol);
 * without one (Show me, inside the running browser) they fail with a reason.
 *
 * One line per step goes to `out`: stable text, no pids or timings, so CI can compare it. A
 * failed `expect` is reported and the run goes on; a failed step (a `wait` that timed out, a call
 * the kernel refused) ends the run. Every error names the file, the line and the step.
 */
import type { ControlApi } from '../common/controlApi';
import { probeFor, type Check } from './conditions';
import { ScenarioState } from './ScenarioState';
import { OVERLAYS, type PanelName, type Scenario, type Step, WINDOW_OPS } from './steps';

/** The window a scenario drives for its window steps. */
export interface ScenarioWindow {
  /** Resolves once the window shows the tab the browser made visible. */
  showsTab(tabId: number): Promise<void>;
  typeAddress(text: string): Promise<void>;
  openPanel(panel: PanelName): Promise<void>;
}

export interface RunOptions {
  window?: ScenarioWindow;
  /** Pauses and captions last 1/speed as long; waits keep their time limits. */
  speed?: number;
  out: (line: string) => void;
  /** Called before each step, for a progress line. */
  onStep?: (index: number, step: Step) => void;
}

export interface ExpectOutcome {
  line: number;
  text: string;
  held: boolean;
  saw: string;
}

export interface RunResult {
  scenario: string;
  passed: boolean;
  expects: ExpectOutcome[];
  /** Why the run stopped early, naming file, line and step. */
  error?: string;
}

const POLL_MS = 50;
/** An error's first line: Playwright appends its call log, which belongs in a debugger, not a step line. */
const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function poll(probe: () => Promise<Check>, withinSeconds: number): Promise<Check> {
  const deadline = Date.now() + withinSeconds * 1000;
  for (;;) {
    const check = await probe();
    if (check.ok || Date.now() > deadline) return check;
    await sleep(POLL_MS);
  }
}

export async function runScenario(api: ControlApi, scenario: Scenario, options: RunOptions): Promise<RunResult> {
  const speed = options.speed ?? 1;
  const state = new ScenarioState(api);
  const expects: ExpectOutcome[] = [];
  const out = (status: string, step: Step, note = '') =>
    options.out(`${status.padEnd(5)} ${String(step.line).padStart(3)}  ${step.source}${note ? `  — ${note}` : ''}`);
  options.out(`scenario ${scenario.name}: ${scenario.title}`);
  try {
    for (const [index, step] of scenario.steps.entries()) {
      options.onStep?.(index, step);
      try {
        if (WINDOW_OPS.has(step.op) && !options.window)
          throw new Error(`"${step.op}" drives the window, and this run has none (run it with "minium scenario run")`);
        if (step.op === 'expect') {
          const check = await poll(await probeFor(step.condition, state), step.withinSeconds);
          expects.push({ line: step.line, text: step.source, held: check.ok, saw: check.saw });
          out(check.ok ? 'pass' : 'FAIL', step, check.ok ? '' : check.saw);
          continue;
        }
        await perform(step, state, options.window, speed);
        out('ok', step);
      } catch (e) {
        out('ERROR', step, reasonOf(e));
        throw new Error(`${scenario.file}:${step.line}: step "${step.source}" failed: ${reasonOf(e)}`, { cause: e });
      }
    }
  } catch (e) {
    const error = reasonOf(e);
    options.out(`scenario ${scenario.name}: stopped: ${error}`);
    return { scenario: scenario.name, passed: false, expects, error };
  } finally {
    state.dispose();
    // A run that stopped between `trace on` and `trace off` leaves no trace recording behind it.
    if (state.tracing)
      await api
        .stopTrace()
        .catch((e: unknown) => options.out(`scenario ${scenario.name}: stopping its trace failed: ${reasonOf(e)}`));
  }
  const held = expects.filter((x) => x.held).length;
  options.out(`scenario ${scenario.name}: ${held}/${expects.length} expectations held`);
  return { scenario: scenario.name, passed: held === expects.length, expects };
}

async function perform(
  step: Exclude<Step, { op: 'expect' }>,
  s: ScenarioState,
  window: ScenarioWindow | undefined,
  speed: number,
): Promise<void> {
  const api = s.api;
  switch (step.op) {
    case 'open':
      s.name(step.as, await api.openTab(step.url));
      return;
    case 'navigate':
      await api.navigate(s.tabId(step.tab), step.url);
      return;
    case 'reload':
      await api.reload(s.tabId(step.tab));
      return;
    case 'close':
      await api.closeTab(s.tabId(step.tab));
      return;
    case 'kill':
      await api.killProcess(await s.pid(step.process));
      return;
    case 'crash':
      await api.crashThread(await s.pid(step.process), step.thread, step.how);
      return;
    case 'stop':
    case 'continue':
      await api.signalProcess(await s.pid(step.process), step.op);
      return;
    case 'click':
      await api.sendInput(s.tabId(step.tab), { type: 'click', x: step.x, y: step.y });
      return;
    case 'scroll':
      await api.sendInput(s.tabId(step.tab), { type: 'wheel', x: step.x, y: step.y, dx: step.dx, dy: step.dy });
      return;
    case 'overlay':
      await api.setRenderingOverlays({ ...api.renderingOverlays(), [OVERLAYS[step.overlay]]: step.on });
      return;
    case 'caption':
      await api.showCaption(step.text, step.seconds / speed);
      await sleep((step.seconds / speed) * 1000);
      return;
    case 'pause':
      await sleep((step.seconds / speed) * 1000);
      return;
    case 'trace':
      if (step.on) {
        await api.startTrace();
        s.tracing = true;
      } else {
        if (!s.tracing) throw new Error('no trace is being recorded: "trace on" first');
        s.tracing = false;
        s.trace = await api.stopTrace();
      }
      return;
    case 'wait': {
      const check = await poll(await probeFor(step.condition, s), step.withinSeconds);
      if (!check.ok) throw new Error(`not so after ${step.withinSeconds} s: ${check.saw}`);
      return;
    }
    case 'activate':
      // The browser shows the tab (the others are hidden, as occluded tabs); a window follows it.
      await api.activateTab(s.tabId(step.tab));
      await window?.showsTab(s.tabId(step.tab));
      return;
    case 'type':
      await window!.typeAddress(step.text);
      return;
    case 'panel':
      await window!.openPanel(step.panel);
      return;
  }
}

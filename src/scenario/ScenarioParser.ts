/**
 * Reads a scenario file: one step per line, `#` comments, "quoted" text. The whole file is
 * parsed before anything runs, so a malformed line starts nothing; every error names the file,
 * the line, the step and what was expected there.
 *
 *   title "Crash isolation"          claim MP2          browser short-hang
 *   open https://orbit.example/ as orbit
 *   wait tab orbit live within 20
 *   kill renderer orbit
 *   expect tab orbit crashed killed
 */
import {
  type BrowserNeeds,
  type Condition,
  CRASH_KINDS,
  OVERLAYS,
  type OverlayName,
  PANELS,
  type PanelName,
  type ProcessRef,
  type Scenario,
  type Step,
  type StepBody,
  type TabCondition,
} from './steps';

import { tokenize, Words } from './scenarioWords';

const DEFAULT_WITHIN_SECONDS = 20;
const TAB_CONDITIONS: readonly TabCondition[] = ['loading', 'live', 'crashed', 'unresponsive', 'responsive'];

export class ScenarioSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'ScenarioSyntaxError';
  }
}

function processRef(w: Words): ProcessRef {
  const kind = w.oneOf('a process', ['browser', 'gpu', 'plugin', 'renderer', 'site'] as const);
  if (kind === 'renderer') return { kind, tab: w.take('the name of the tab whose renderer it is') };
  if (kind === 'site') return { kind, site: w.url('a site') };
  return { kind };
}

function condition(w: Words): Condition {
  const kind = w.oneOf('a condition', [
    'tab',
    'frames',
    'console',
    'process',
    'thread',
    'display',
    'gpu-crashes',
    'event',
    'sandbox',
    'raster-threads',
    'scrolled',
    'still',
    'messages',
    'shared',
    'unshared',
    'shared-memory',
    'busiest',
    'traced',
  ] as const);
  switch (kind) {
    case 'tab': {
      const tab = w.take('a tab name');
      const state = w.oneOf('a tab state', TAB_CONDITIONS);
      const reason = state === 'crashed' && w.peek() && w.peek() !== 'within' ? w.take('a reason') : undefined;
      return { kind, tab, state, ...(reason ? { reason } : {}) };
    }
    case 'frames':
      return { kind, tab: w.take('a tab name'), frames: w.number('a frame count', { integer: true, min: 1 }) };
    case 'console':
      return { kind, tab: w.take('a tab name'), text: w.take('the "text" to look for') };
    case 'process':
      return { kind, process: processRef(w), state: w.oneOf('a process state', ['running', 'gone'] as const) };
    case 'thread':
      return {
        kind,
        process: processRef(w),
        thread: w.take('a thread id (main, compositor, raster-1, …)'),
        state: w.oneOf('a thread state', ['running', 'ended'] as const),
      };
    case 'display':
      return { kind, mode: w.oneOf('a display mode', ['gpu', 'browser'] as const) };
    case 'gpu-crashes':
      return { kind, atLeast: w.number('a count', { integer: true, min: 1 }) };
    case 'event':
      return { kind, type: w.take('an event type (bad-message, thread-gone, …)') };
    case 'sandbox':
      return { kind, process: processRef(w) };
    case 'raster-threads':
      return { kind, tab: w.take('a tab name'), threads: w.number('a thread count', { integer: true, min: 1 }) };
    case 'scrolled':
      return { kind, tab: w.take('a tab name'), pixels: w.number('pixels', { min: 1 }) };
    case 'still':
      return { kind, tab: w.take('a tab name'), seconds: w.number('seconds', { min: 0.1 }) };
    case 'messages': {
      const channel = w.oneOf('a channel', ['ipc', 'frame-sink'] as const);
      return {
        kind,
        channel,
        process: processRef(w),
        messages: w.number('a message count', { integer: true, min: 1 }),
      };
    }
    case 'shared':
    case 'unshared':
      return { kind: 'shared', a: processRef(w), b: processRef(w), shared: kind === 'shared' };
    case 'shared-memory':
      w.oneOf('what shared memory may be', ['only'] as const);
      w.oneOf('what shared memory may be', ['tile-pools'] as const);
      return { kind: 'shared-memory-only-tile-pools' };
    case 'busiest':
      return { kind, process: processRef(w), thread: w.take('a thread name (CrRendererMain, Compositor, …)') };
    case 'traced': {
      const process = processRef(w);
      const thread = w.take('a thread name (CrRendererMain, Compositor, …)');
      const slices = [w.take('a slice name (ParseHTML, Layout, …)')];
      while (w.peek() !== undefined && w.peek() !== 'within') slices.push(w.take('a slice name'));
      return { kind, process, thread, slices };
    }
  }
}

function within(w: Words): number {
  if (w.peek() !== 'within') return DEFAULT_WITHIN_SECONDS;
  w.take('within');
  return w.number('seconds', { min: 0.1 });
}

/** A name for a tab opened without `as`: the first label of its host, or the debug URL's kind. */
function defaultTabName(url: string): string {
  return new URL(url).hostname.split('.')[0] || url;
}

function step(verb: string, w: Words): StepBody {
  switch (verb) {
    case 'open': {
      const url = w.url('an address');
      const as = w.peek() === 'as' ? (w.take('as'), w.take('a tab name')) : defaultTabName(url);
      return { op: 'open', url, as };
    }
    case 'navigate':
      return { op: 'navigate', tab: w.take('a tab name'), url: w.url('an address') };
    case 'reload':
    case 'close':
    case 'activate':
      return { op: verb, tab: w.take('a tab name') };
    case 'kill':
    case 'stop':
    case 'continue':
      return { op: verb, process: processRef(w) };
    case 'crash': {
      const process = processRef(w);
      const thread = w.take('a thread id (main, compositor, raster-1, …)');
      return { op: 'crash', process, thread, how: w.oneOf('how', CRASH_KINDS) };
    }
    case 'click':
      return { op: 'click', tab: w.take('a tab name'), x: w.number('x'), y: w.number('y') };
    case 'scroll':
      return {
        op: 'scroll',
        tab: w.take('a tab name'),
        x: w.number('x'),
        y: w.number('y'),
        dx: w.signed('dx'),
        dy: w.signed('dy'),
      };
    case 'overlay': {
      const overlay = w.oneOf('an overlay', Object.keys(OVERLAYS) as OverlayName[]);
      return { op: 'overlay', overlay, on: w.oneOf('on or off', ['on', 'off'] as const) === 'on' };
    }
    case 'caption':
      return { op: 'caption', seconds: w.number('seconds', { min: 0.1 }), text: w.take('the "caption text"') };
    case 'pause':
      return { op: 'pause', seconds: w.number('seconds') };
    case 'trace':
      return { op: 'trace', on: w.oneOf('on or off', ['on', 'off'] as const) === 'on' };
    case 'wait': {
      const next = w.peek();
      if (next !== undefined && /^\d/.test(next)) return { op: 'pause', seconds: w.number('seconds') };
      return { op: 'wait', condition: condition(w), withinSeconds: within(w) };
    }
    case 'expect':
      return { op: 'expect', condition: condition(w), withinSeconds: within(w) };
    case 'type':
      return { op: 'type', text: w.take('the "text" to type in the address bar') };
    case 'panel':
      return { op: 'panel', panel: w.oneOf('a panel', PANELS as readonly PanelName[]) };
    default:
      throw new Error(
        `unknown step "${verb}" (steps: open navigate reload close activate kill crash stop continue click scroll ` +
          `type overlay panel caption pause trace wait expect; header: title claim browser)`,
      );
  }
}

function browserNeed(w: Words, needs: BrowserNeeds): void {
  const what = w.oneOf('a browser setting', ['short-hang', 'memory-budget', 'raster-threads'] as const);
  if (what === 'short-hang') needs.shortHang = true;
  else if (what === 'memory-budget') needs.memoryBudgetMb = w.number('megabytes', { integer: true, min: 64 });
  else needs.rasterThreads = w.number('a thread count', { integer: true, min: 1 });
}

/** Parses a whole scenario; throws a ScenarioSyntaxError naming the first bad line. */
export function parseScenario(text: string, file: string, name = file): Scenario {
  const scenario: Scenario = { name, file, title: name, claims: [], browser: {}, steps: [] };
  const tabs = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    try {
      const words = tokenize(raw);
      if (words.length === 0) return;
      const w = new Words(words);
      const verb = w.take('a step');
      if (verb === 'title') scenario.title = w.take('the "title"');
      else if (verb === 'claim') scenario.claims.push(w.take('a claim id (MP2, MT3, …)'));
      else if (verb === 'browser') browserNeed(w, scenario.browser);
      else {
        const body = step(verb, w);
        w.end();
        checkTabNames(body, tabs);
        scenario.steps.push({ ...body, line, source: raw.trim() } as Step);
        return;
      }
      w.end();
    } catch (e) {
      throw new ScenarioSyntaxError(file, line, e instanceof Error ? e.message : String(e));
    }
  });
  if (scenario.steps.length === 0) throw new ScenarioSyntaxError(file, 1, 'the scenario has no steps');
  return scenario;
}

/** A tab must be opened (and named) before a step names it; two open tabs may not share a name. */
function checkTabNames(body: StepBody, tabs: Set<string>): void {
  if (body.op === 'open') {
    if (tabs.has(body.as)) throw new Error(`a tab is already named "${body.as}": add "as OTHER-NAME"`);
    tabs.add(body.as);
    return;
  }
  const named = [
    'tab' in body ? body.tab : undefined,
    'condition' in body && 'tab' in body.condition ? body.condition.tab : undefined,
    ...[
      'process' in body ? body.process : undefined,
      'condition' in body && 'process' in body.condition ? body.condition.process : undefined,
      'condition' in body && body.condition.kind === 'shared' ? body.condition.a : undefined,
      'condition' in body && body.condition.kind === 'shared' ? body.condition.b : undefined,
    ].map((p) => (p?.kind === 'renderer' ? p.tab : undefined)),
  ].filter((t): t is string => t !== undefined);
  for (const t of named)
    if (!tabs.has(t)) throw new Error(`no tab is named "${t}" yet (open one with "open URL as ${t}")`);
}

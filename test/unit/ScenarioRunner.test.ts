/**
 * The runner's rules, against a small fake kernel: steps become control-API calls, a failed
 * expectation is reported and the run goes on, a failed wait or a refused call ends it naming
 * file, line and step, and a window step without a window is refused with a reason.
 */
import type { BrowserEvent, ControlApi, ProcessInfo, TabInfo } from '../../src/common/controlApi';
import { parseScenario } from '../../src/scenario/ScenarioParser';
import { runScenario, type ScenarioWindow } from '../../src/scenario/ScenarioRunner';

/** Tabs that are live at once, with a renderer each; killProcess crashes the tabs it drew. */
function fakeKernel() {
  const tabs: TabInfo[] = [];
  const calls: string[] = [];
  const listeners: ((e: BrowserEvent) => void)[] = [];
  const api = {
    onEvent: (l: (e: BrowserEvent) => void) => (listeners.push(l), () => undefined),
    listTabs: () => tabs,
    openTab: async (url: string) => {
      calls.push(`openTab ${url}`);
      const id = tabs.length + 1;
      const tab: TabInfo = {
        id,
        url,
        title: url,
        site: url,
        pid: 100 + id,
        state: 'live',
        framesPresented: 0,
        surfaceId: `tab:${id}`,
        visible: true,
      };
      tabs.push(tab);
      return tab;
    },
    listProcesses: async (): Promise<ProcessInfo[]> =>
      tabs
        .filter((t) => t.pid)
        .map((t) => ({
          pid: t.pid!,
          role: 'renderer',
          title: t.title,
          tabs: [t.id],
          cpuPercent: 0,
          rssBytes: 0,
          threads: [],
        })),
    killProcess: async (pid: number) => {
      calls.push(`killProcess ${pid}`);
      for (const t of tabs.filter((x) => x.pid === pid))
        Object.assign(t, { pid: null, state: 'crashed', crashReason: 'killed' });
    },
    showCaption: async (text: string) => void calls.push(`showCaption ${text}`),
    startTrace: async () => (calls.push('startTrace'), { startedAt: 0 }),
    stopTrace: async () => (calls.push('stopTrace'), { traceEvents: [], displayTimeUnit: 'ms', metadata: {} }),
    activateTab: async (id: number) => {
      calls.push(`activateTab ${id}`);
      for (const t of tabs) t.visible = t.id === id;
      return tabs.find((t) => t.id === id);
    },
  } as unknown as ControlApi;
  return { api, calls };
}

const run = (text: string, window?: ScenarioWindow) => {
  const { api, calls } = fakeKernel();
  const lines: string[] = [];
  return runScenario(api, parseScenario(text, 'demo.scenario'), { window, speed: 100, out: (l) => lines.push(l) }).then(
    (result) => ({ result, lines, calls }),
  );
};

test('steps become control-API calls; expectations decide the result', async () => {
  const { result, lines, calls } = await run(
    'open https://a.example/\nopen https://b.example/\ncaption 1 "Killing a"\nkill renderer a\n' +
      'expect tab a crashed killed within 0.2\nexpect process renderer a gone within 0.2\nexpect tab b live within 0.2',
  );
  expect(calls).toEqual([
    'openTab https://a.example/',
    'openTab https://b.example/',
    'showCaption Killing a',
    'killProcess 101',
  ]);
  expect(result.error).toBeUndefined();
  expect(result.passed).toBe(true);
  expect(lines.slice(1, -1)).toEqual([
    'ok      1  open https://a.example/',
    'ok      2  open https://b.example/',
    'ok      3  caption 1 "Killing a"',
    'ok      4  kill renderer a',
    'pass    5  expect tab a crashed killed within 0.2',
    'pass    6  expect process renderer a gone within 0.2',
    'pass    7  expect tab b live within 0.2',
  ]);
});

test('a failed expectation is reported with what was seen, and the run goes on', async () => {
  const { result, lines, calls } = await run(
    'open https://a.example/\nexpect tab a crashed within 0.1\nkill renderer a\nexpect tab a crashed within 0.1',
  );
  expect(lines).toContain('FAIL    2  expect tab a crashed within 0.1  — tab a is live');
  expect(calls).toContain('killProcess 101');
  expect(result.passed).toBe(false);
  expect(result.expects.map((e) => e.held)).toEqual([false, true]);
});

test('a wait that times out ends the run, naming file, line and step', async () => {
  const { result, calls } = await run('open https://a.example/\nwait tab a crashed within 0.1\nkill renderer a');
  expect(result.error).toBe(
    'demo.scenario:2: step "wait tab a crashed within 0.1" failed: not so after 0.1 s: tab a is live',
  );
  expect(calls).not.toContain('killProcess 101');
});

test('a window step needs a window: refused without one, performed with one', async () => {
  const without = await run('open https://a.example/\npanel claims\nexpect tab a live');
  expect(without.result.error).toMatch(/demo\.scenario:2: step "panel claims" failed: "panel" drives the window/);
  const done: string[] = [];
  const window: ScenarioWindow = {
    showsTab: async (id) => void done.push(`shows ${id}`),
    typeAddress: async (text) => void done.push(`type ${text}`),
    openPanel: async (panel) => void done.push(`panel ${panel}`),
  };
  const withWindow = await run(
    'open https://a.example/\nactivate a\ntype "https://c.example/"\npanel claims\nexpect tab a live',
    window,
  );
  expect(withWindow.result.passed).toBe(true);
  expect(done).toEqual(['shows 1', 'type https://c.example/', 'panel claims']);
});

test('activate shows a tab through the control API, with or without a window', async () => {
  const { result, calls } = await run('open https://a.example/ as a\nopen https://b.example/ as b\nactivate a');
  expect(result.passed).toBe(true);
  expect(calls).toContain('activateTab 1');
});

test('a trace recorded with trace on/off is what busiest reads; a run that stops early stops its trace', async () => {
  const recorded = await run(
    'open https://a.example/\ntrace on\ntrace off\nexpect busiest renderer a CrRendererMain within 0.1',
  );
  expect(recorded.calls).toEqual(['openTab https://a.example/', 'startTrace', 'stopTrace']);
  expect(recorded.lines).toContain(
    'FAIL    4  expect busiest renderer a CrRendererMain within 0.1  — pid 101 has no thread CrRendererMain in the trace',
  );
  const unrecorded = await run('open https://a.example/\nexpect busiest renderer a CrRendererMain within 0.1');
  expect(unrecorded.lines).toContain(
    'FAIL    2  expect busiest renderer a CrRendererMain within 0.1  — no trace was recorded ("trace on" … "trace off" first)',
  );
  const stopped = await run('open https://a.example/\ntrace on\nwait tab a crashed within 0.1\ntrace off');
  expect(stopped.result.error).toMatch(/demo\.scenario:3: step "wait tab a crashed within 0\.1" failed/);
  expect(stopped.calls).toEqual(['openTab https://a.example/', 'startTrace', 'stopTrace']);
  const offFirst = await run('trace off');
  expect(offFirst.result.error).toMatch(/"trace on" first/);
});

/**
 * Scenario files: every bundled one parses; a malformed one is refused as a whole, before
 * anything runs, with its file, line and what was expected there.
 */
import { bundledScenarioNames, bundledScenarios } from '../../src/scenario/bundledScenarios';
import { parseScenario, ScenarioSyntaxError } from '../../src/scenario/ScenarioParser';
import { tokenize } from '../../src/scenario/scenarioWords';
import { runScenario } from '../../src/scenario/ScenarioRunner';
import { WINDOW_OPS } from '../../src/scenario/steps';
import type { ControlApi } from '../../src/common/controlApi';

const refusal = (text: string): ScenarioSyntaxError => {
  try {
    parseScenario(text, 'demo.scenario');
  } catch (e) {
    if (e instanceof ScenarioSyntaxError) return e;
    throw e;
  }
  throw new Error('the scenario was accepted');
};

test('words, "quoted text" with escapes, and # comments', () => {
  expect(tokenize('caption 2 "Killing \\"orbit\\" now" # why')).toEqual(['caption', '2', 'Killing "orbit" now']);
  expect(tokenize('   # only a comment')).toEqual([]);
  expect(tokenize('open https://a.example/#frag as a')).toEqual(['open', 'https://a.example/#frag', 'as', 'a']);
});

test('a scenario: header, steps with their lines, default tab names and time limits', () => {
  const s = parseScenario(
    [
      '# crash isolation',
      'title "Two sites"',
      'claim MP2',
      'browser short-hang',
      'browser memory-budget 900',
      '',
      'open https://orbit.example/',
      'open https://news.example/ as news',
      'kill renderer orbit',
      'crash site https://news.example raster-1 segfault',
      'stop gpu',
      'scroll news 10 20 0 -120',
      'overlay tile-borders on',
      'wait 1.5s',
      'expect tab orbit crashed killed within 5',
      'wait frames news 30',
      'type "https://orbit.example/"',
      'caption 2 "Done."',
    ].join('\n'),
    'x.scenario',
  );
  expect(s).toMatchObject({ title: 'Two sites', claims: ['MP2'], browser: { shortHang: true, memoryBudgetMb: 900 } });
  expect(s.steps.map((x) => x.line)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
  expect(s.steps[0]).toMatchObject({ op: 'open', as: 'orbit', source: 'open https://orbit.example/' });
  expect(s.steps[2]).toMatchObject({ op: 'kill', process: { kind: 'renderer', tab: 'orbit' } });
  expect(s.steps[3]).toMatchObject({
    op: 'crash',
    process: { kind: 'site', site: 'https://news.example' },
    how: 'segfault',
  });
  expect(s.steps[5]).toMatchObject({ op: 'scroll', dx: 0, dy: -120 });
  expect(s.steps[7]).toEqual(expect.objectContaining({ op: 'pause', seconds: 1.5 }));
  expect(s.steps[8]).toMatchObject({
    op: 'expect',
    withinSeconds: 5,
    condition: { kind: 'tab', tab: 'orbit', state: 'crashed', reason: 'killed' },
  });
  expect(s.steps[9]).toMatchObject({ op: 'wait', withinSeconds: 20, condition: { kind: 'frames', frames: 30 } });
  expect(s.steps[10]).toMatchObject({ op: 'type', text: 'https://orbit.example/' });
  expect(s.steps[11]).toMatchObject({ op: 'caption', seconds: 2, text: 'Done.' });
});

test('the conditions of the memory, IPC, renderer and main-thread demonstrations, and trace steps', () => {
  const s = parseScenario(
    [
      'open https://a.example/ as a',
      'open https://b.example/ as b',
      'trace on',
      'trace off',
      'expect still a 1.5',
      'expect messages ipc renderer a 3',
      'expect messages frame-sink site https://b.example 20 within 5',
      'expect shared renderer a gpu',
      'expect unshared renderer a renderer b',
      'expect shared-memory only tile-pools',
      'expect busiest renderer a CrRendererMain',
      'expect traced renderer a CrRendererMain ParseHTML Layout within 1',
      'expect process browser running',
    ].join('\n'),
    'conditions.scenario',
  );
  expect(s.steps.slice(2).map(({ line: _l, source: _s, ...body }) => body)).toEqual([
    { op: 'trace', on: true },
    { op: 'trace', on: false },
    { op: 'expect', condition: { kind: 'still', tab: 'a', seconds: 1.5 }, withinSeconds: 20 },
    {
      op: 'expect',
      condition: { kind: 'messages', channel: 'ipc', process: { kind: 'renderer', tab: 'a' }, messages: 3 },
      withinSeconds: 20,
    },
    {
      op: 'expect',
      condition: {
        kind: 'messages',
        channel: 'frame-sink',
        process: { kind: 'site', site: 'https://b.example' },
        messages: 20,
      },
      withinSeconds: 5,
    },
    {
      op: 'expect',
      condition: { kind: 'shared', a: { kind: 'renderer', tab: 'a' }, b: { kind: 'gpu' }, shared: true },
      withinSeconds: 20,
    },
    {
      op: 'expect',
      condition: {
        kind: 'shared',
        a: { kind: 'renderer', tab: 'a' },
        b: { kind: 'renderer', tab: 'b' },
        shared: false,
      },
      withinSeconds: 20,
    },
    { op: 'expect', condition: { kind: 'shared-memory-only-tile-pools' }, withinSeconds: 20 },
    {
      op: 'expect',
      condition: { kind: 'busiest', process: { kind: 'renderer', tab: 'a' }, thread: 'CrRendererMain' },
      withinSeconds: 20,
    },
    {
      op: 'expect',
      condition: {
        kind: 'traced',
        process: { kind: 'renderer', tab: 'a' },
        thread: 'CrRendererMain',
        slices: ['ParseHTML', 'Layout'],
      },
      withinSeconds: 1,
    },
    { op: 'expect', condition: { kind: 'process', process: { kind: 'browser' }, state: 'running' }, withinSeconds: 20 },
  ]);
});

test.each([
  ['frobnicate orbit', 1, /unknown step "frobnicate"/],
  ['trace maybe', 1, /expected on or off \(on \| off\), not "maybe"/],
  ['open https://a.example/\nexpect unshared renderer a renderer c', 2, /no tab is named "c" yet/],
  ['expect shared-memory everywhere', 1, /expected what shared memory may be \(only\), not "everywhere"/],
  [
    'open https://a.example/\nexpect messages pipe renderer a 3',
    2,
    /expected a channel \(ipc \| frame-sink\), not "pipe"/,
  ],
  ['open https://a.example/\nexpect traced renderer a CrRendererMain', 2, /expected a slice name/],
  ['open https://a.example/\nkill renderer b', 2, /no tab is named "b" yet/],
  ['open https://a.example/\nopen https://a.example/x', 2, /already named "a": add "as OTHER-NAME"/],
  ['open a.example', 1, /expected an address \(https:\/\/… or minium:\/\/…\), not "a.example"/],
  [
    'open https://a.example/\ncrash renderer a main explode',
    2,
    /expected how \(exception \| segfault \| oom\), not "explode"/,
  ],
  ['open https://a.example/\nexpect tab a asleep', 2, /expected a tab state .*not "asleep"/],
  ['open https://a.example/\nwait frames a', 2, /expected a frame count after "wait frames a"/],
  ['open https://a.example/\nwait frames a -3', 2, /expected a frame count \(a whole number ≥ 1\), not "-3"/],
  ['caption 2 "unclosed', 1, /quoted text is not closed/],
  ['open https://a.example/ as a b', 1, /unexpected "b" at the end/],
  ['panel attic', 1, /expected a panel \(task-manager \| labs \| console \| rendering \| claims \| architecture\)/],
  ['# nothing\n', 1, /has no steps/],
])('%j is refused at line %i', (text, line, reason) => {
  const e = refusal(text);
  expect(e.line).toBe(line);
  expect(e.message).toMatch(new RegExp(`^demo\\.scenario:${line}: `));
  expect(e.message).toMatch(reason);
});

test('a malformed file starts nothing: the parser refuses it before a runner could take a step', async () => {
  const calls: string[] = [];
  const api = new Proxy({} as ControlApi, { get: (_, name) => () => calls.push(String(name)) });
  const text = 'open https://orbit.example/\nkill renderer orbit\nexpect tab orbit crashed sideways extra';
  expect(() => runScenario(api, parseScenario(text, 'bad.scenario'), { out: () => undefined })).toThrow(
    /bad\.scenario:3: unexpected "extra" at the end/,
  );
  expect(calls).toEqual([]);
});

test('every bundled scenario parses, has an expectation, and the demonstrations of claims need no window', () => {
  expect(bundledScenarioNames().length).toBeGreaterThanOrEqual(12);
  for (const s of bundledScenarios()) {
    expect(s.steps.some((x) => x.op === 'expect')).toBe(true);
    if (s.claims.length) expect(s.steps.filter((x) => WINDOW_OPS.has(x.op))).toEqual([]);
  }
});

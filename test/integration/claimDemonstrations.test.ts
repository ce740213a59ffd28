/**
 * The demonstrations of MP1, BR2, IPC1 and RT1, performed by Show me (`POST /api/claims/:id/show`)
 * in the web shell as a user starts it, earn `holds` on this machine; and their verdicts come from
 * what happened: the same demonstration, with the step that makes the claim true taken out or
 * an expectation turned round, earns less than `holds`, and says what it saw instead.
 */
import * as fs from 'node:fs';
import type { Browser } from '../../src/browser/Browser';
import { ClaimsTour } from '../../src/browser/ClaimsTour';
import type { ClaimInfo, TabInfo } from '../../src/common/controlApi';
import { loadScenario } from '../../src/scenario/bundledScenarios';
import { parseScenario } from '../../src/scenario/ScenarioParser';
import { api, startBrowser, startWebShell, type WebShell } from './helpers';

const DEMONSTRATIONS = [
  ['MP1', 'memory-isolation'],
  ['BR2', 'renderer-content'],
  ['IPC1', 'ipc-client-server'],
  ['RT1', 'main-thread-work'],
] as const;

describe('Show me, over HTTP', () => {
  let shell: WebShell;

  beforeAll(async () => {
    shell = await startWebShell();
  });
  afterAll(() => {
    if (shell.child.exitCode === null) shell.child.kill('SIGTERM');
  });

  test.each(DEMONSTRATIONS)(
    '%s is shown by %s, and holds here',
    async (id, scenario) => {
      const before = (await api<ClaimInfo[]>(shell, 'GET', '/api/claims')).find((c) => c.id === id);
      expect(before).toMatchObject({ verdict: 'not-run', demonstration: scenario });
      const shown = await api<ClaimInfo>(shell, 'POST', `/api/claims/${id}/show`);
      const expects = loadScenario(scenario).steps.filter((s) => s.op === 'expect').length;
      expect({ verdict: shown.verdict, evidence: shown.evidence }).toEqual({
        verdict: 'holds',
        evidence: expect.stringMatching(
          new RegExp(`^Shown live \\(${scenario}\\): ${expects}/${expects} expectations held`),
        ),
      });
      expect((await api<ClaimInfo[]>(shell, 'GET', '/api/claims')).find((c) => c.id === id)).toEqual(shown);
      // Each demonstration leaves its tabs; close them so the next one starts from a quiet browser.
      for (const t of await api<TabInfo[]>(shell, 'GET', '/api/tabs')) await api(shell, 'DELETE', `/api/tabs/${t.id}`);
    },
    120000,
  );
});

describe('the verdicts react to what happened', () => {
  let b: Browser | undefined;
  afterEach(async () => {
    await b?.shutdown();
    b = undefined;
  });

  /** The bundled demonstration with lines replaced (or removed, with ''), for a tour of its own. */
  const variant = (name: string, ...changes: [line: string, replacement: string][]) => {
    let text = fs.readFileSync(loadScenario(name).file, 'utf8');
    for (const [line, replacement] of changes) {
      expect(text).toContain(`${line}\n`);
      text = text.replace(`${line}\n`, replacement ? `${replacement}\n` : '');
    }
    return parseScenario(text, `${name}-variant`, name);
  };

  /** Each claim, its demonstration changed so the claim's cause is missing, and what the evidence must then say. */
  const CHANGED: [string, string, [string, string][], RegExp][] = [
    [
      'MP1: two renderers that did share a block would be seen sharing it',
      'memory-isolation',
      [['expect unshared renderer vault renderer snoop', 'expect shared renderer vault renderer snoop within 1']],
      /not held: shared renderer vault renderer snoop within 1 \(pids \d+ and \d+ map no block in common\)/,
    ],
    [
      'BR2: a renderer that is not stopped keeps drawing, so its tab does not stand still',
      'renderer-content',
      [
        ['stop renderer orbit', ''],
        ['expect still orbit 1.5', 'expect still orbit 1.5 within 3'],
      ],
      /not held: still orbit 1\.5 within 3 \(tab orbit presented no frame for 0\.\d s/,
    ],
    [
      'IPC1: a renderer and the GPU process that shared no pool would be seen apart',
      'ipc-client-server',
      [['expect shared renderer orbit gpu', 'expect unshared renderer orbit gpu within 1']],
      /not held: unshared renderer orbit gpu within 1 \(pids \d+ and \d+ both map \/memfd:minium-tile-pool:/,
    ],
    [
      'RT1: the trace names the busiest thread; the compositor thread is not it',
      'main-thread-work',
      [['expect busiest renderer heavy CrRendererMain', 'expect busiest renderer heavy Compositor within 0.5']],
      /not held: busiest renderer heavy Compositor within 0\.5 \(CrRendererMain [\d.]+ ms/,
    ],
  ];

  test.each(CHANGED)(
    '%s',
    async (_, name, changes, evidence) => {
      const scenario = variant(name, ...changes);
      const id = DEMONSTRATIONS.find(([, s]) => s === name)![0];
      b = await startBrowser();
      const shown = await new ClaimsTour(b, [scenario]).show(id);
      expect(shown.verdict).toBe('in-part');
      expect(shown.evidence).toMatch(evidence);
    },
    120000,
  );
});

/**
 * Every bundled scenario, played headless against a real browser started as it asks, passes
 * its expectations; the claims tour's Show me plays the same file and earns its verdict from
 * them. Scenarios that drive the window run through `minium scenario run --headless`.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { Browser } from '../../src/browser/Browser';
import { SHORT_HUNG_RENDERER_DELAY_MS } from '../../src/browser/RenderProcessHost';
import { bundledScenarios } from '../../src/scenario/bundledScenarios';
import { runScenario } from '../../src/scenario/ScenarioRunner';
import { WINDOW_OPS } from '../../src/scenario/steps';
import { chromiumMissing } from '../e2e/chromium';
import { startBrowser } from './helpers';

const CLI = path.join(__dirname, '../../src/shell/cli/main.js');
const all = bundledScenarios();
const kernelOnly = all.filter((s) => !s.steps.some((x) => WINDOW_OPS.has(x.op)));
const windowed = all.filter((s) => !kernelOnly.includes(s));
// Window steps need Chromium.
const noChromium = chromiumMissing('windowed scenarios');

let b: Browser | undefined;
afterEach(async () => {
  await b?.shutdown();
  b = undefined;
});

test.each(kernelOnly.map((s) => [s.name, s] as const))(
  '%s: every expectation holds',
  async (_, scenario) => {
    b = await startBrowser({
      rasterThreads: scenario.browser.rasterThreads ?? 2,
      hangTimeoutMs: scenario.browser.shortHang ? SHORT_HUNG_RENDERER_DELAY_MS : undefined,
      rendererMemoryBudgetMb: scenario.browser.memoryBudgetMb,
    });
    const lines: string[] = [];
    const result = await runScenario(b, scenario, { speed: 4, out: (l) => lines.push(l) });
    expect({ failed: result.expects.filter((e) => !e.held), error: result.error }).toEqual({
      failed: [],
      error: undefined,
    });
    expect(result.passed).toBe(true);
    // A line per step, then the summary: the golden text CI compares.
    expect(lines).toHaveLength(scenario.steps.length + 2);
    expect(lines.at(-1)).toBe(
      `scenario ${scenario.name}: ${result.expects.length}/${result.expects.length} expectations held`,
    );
  },
  120000,
);

(noChromium ? test.skip : test).each(windowed.map((s) => [s.name] as const))(
  '%s: minium scenario run --headless drives the window and exits 0',
  (name) => {
    const run = spawnSync(process.execPath, [CLI, 'scenario', 'run', name, '--headless', '--speed', '4'], {
      encoding: 'utf8',
      env: { ...process.env, MINIUM_CHILD_STDERR: 'quiet' },
      timeout: 170000,
    });
    expect(run.stdout).toMatch(new RegExp(`^scenario ${name}: `));
    expect(run.stdout).not.toMatch(/^(FAIL|ERROR)/m);
    expect(run.stdout).toMatch(/expectations held\n$/);
    expect(run.status).toBe(0);
  },
  180000,
);

test('a failed expectation makes the run fail, and its line says what was seen', async () => {
  b = await startBrowser();
  const { parseScenario } = await import('../../src/scenario/ScenarioParser');
  const scenario = parseScenario(
    'open https://orbit.example/ as orbit\nwait tab orbit live\nexpect tab orbit crashed within 0.5',
    'inline.scenario',
  );
  const lines: string[] = [];
  const result = await runScenario(b, scenario, { out: (l) => lines.push(l) });
  expect(result.passed).toBe(false);
  expect(lines).toContain('FAIL    3  expect tab orbit crashed within 0.5  — tab orbit is live');
  expect(lines.at(-1)).toBe('scenario inline.scenario: 0/1 expectations held');
});

test('Show me for MP2 plays crash-isolation in the running browser: verdict holds, from its expectations', async () => {
  b = await startBrowser();
  expect(b.listClaims().find((c) => c.id === 'MP2')).toMatchObject({
    verdict: 'not-run',
    demonstration: 'crash-isolation',
  });
  const shown = await b.showClaim('MP2');
  expect(shown).toMatchObject({ id: 'MP2', verdict: 'holds', demonstration: 'crash-isolation' });
  expect(shown.evidence).toMatch(/4\/4 expectations held/);
  expect(b.listTabs().filter((t) => t.state === 'crashed')).toHaveLength(1); // it really ran here
  await expect(b.showClaim('MP5')).rejects.toThrow(/has no demonstration/);
});

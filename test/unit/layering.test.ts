/**
 * The layers' import rules (the role of Chromium's DEPS files) are dependency-cruiser's, in
 * `.dependency-cruiser.cjs`. These tests run the real tool: on a fixture tree of deliberately bad
 * imports, where every kind of import must be caught, and on the project, where nothing may be.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { APP_ROOT } from '../../src/platform/paths';

const CONFIG = path.join(APP_ROOT, '.dependency-cruiser.cjs');
const FIXTURE = path.join(APP_ROOT, 'test', 'fixtures', 'layering');
const DEPCRUISE = path.join(APP_ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  rule: string;
  from: string;
  to: string;
  kind: string;
}

/** Runs dependency-cruiser from `root` (paths in rules are relative to it) over `folders`. */
function cruise(root: string, folders: string[]): { cruised: number; violations: Violation[] } {
  const run = spawnSync(process.execPath, [DEPCRUISE, '--config', CONFIG, '--output-type', 'json', ...folders], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`dependency-cruiser failed in ${root} (exit ${run.status}): ${run.stderr}`);
  const { summary } = JSON.parse(run.stdout) as {
    summary: {
      totalCruised: number;
      violations: {
        type: string;
        from: string;
        to: string;
        dependencyTypes?: string[];
        rule: { name: string };
      }[];
    };
  };
  return {
    cruised: summary.totalCruised,
    violations: summary.violations.map((v) => ({
      rule: v.rule.name,
      from: v.from,
      to: v.to,
      kind: v.type === 'reachability' ? 'reachable' : (v.dependencyTypes ?? []).filter((t) => t !== 'local').join('+'),
    })),
  };
}

const byFrom = (a: Violation, b: Violation) => `${a.from} ${a.rule}`.localeCompare(`${b.from} ${b.rule}`);

describe('layering (dependency-cruiser)', () => {
  test('every way of importing is caught: quotes, side effects, re-exports, require(), import(), types, and through other modules', () => {
    const { violations } = cruise(FIXTURE, ['src', 'renderer/src']);
    const kernel = 'src/browser/Kernel.ts';
    const page = 'src/processes/renderer/page/Page.ts';
    expect(violations.sort(byFrom)).toEqual(
      [
        { rule: 'ui', from: 'renderer/src/ui.ts', to: 'fs', kind: 'core+import' },
        { rule: 'common', from: 'src/common/doubleQuoted.ts', to: kernel, kind: 'import' },
        { rule: 'common', from: 'src/common/dynamicImport.ts', to: kernel, kind: 'dynamic-import' },
        { rule: 'common', from: 'src/common/reExport.ts', to: kernel, kind: 'export' },
        { rule: 'common', from: 'src/common/required.ts', to: kernel, kind: 'require' },
        { rule: 'common', from: 'src/common/sideEffect.ts', to: kernel, kind: 'import' },
        { rule: 'children-not-to-browser-or-shell', from: 'src/processes/plugin/main.ts', to: kernel, kind: 'import' },
        { rule: 'plugin-process', from: 'src/processes/plugin/main.ts', to: kernel, kind: 'import' },
        {
          rule: 'plugin-process-loads-no-renderer-code',
          from: 'src/processes/plugin/main.ts',
          to: page,
          kind: 'reachable',
        },
        { rule: 'processes-shared', from: 'src/processes/shared/Fonts.ts', to: page, kind: 'import' },
        {
          rule: 'renderer-compositor-thread',
          from: 'src/processes/renderer/compositor/Layers.ts',
          to: page,
          kind: 'type-only+import',
        },
        { rule: 'renderer-paint', from: 'src/processes/renderer/paint/drawItems.ts', to: page, kind: 'import' },
        {
          rule: 'raster-thread-loads-no-main-thread-code',
          from: 'src/processes/renderer/threads/raster.ts',
          to: page,
          kind: 'reachable',
        },
      ].sort(byFrom),
    );
  });

  test('the project keeps every rule', () => {
    const { cruised, violations } = cruise(APP_ROOT, ['src', 'renderer/src']);
    expect(cruised).toBeGreaterThan(100);
    expect(violations).toEqual([]);
  });

  test('every source file falls under a folder rule (shell/ alone may import everything)', async () => {
    const config = (await import(CONFIG)) as {
      forbidden: { from: { path?: string | string[] }; to: { pathNot?: string[] } }[];
    };
    // Folder rules are the allow-lists (a pathNot in `to`); the rules across folders do not count.
    const folders = config.forbidden
      .filter((r) => r.to.pathNot)
      .flatMap((r) => [r.from.path ?? []].flat())
      .map((p) => new RegExp(p));
    const sources = (dir: string): string[] =>
      fs.readdirSync(path.join(APP_ROOT, dir), { withFileTypes: true }).flatMap((e) => {
        const rel = path.posix.join(dir, e.name);
        return e.isDirectory() ? sources(rel) : rel.endsWith('.ts') ? [rel] : [];
      });
    const files = [...sources('src'), ...sources('renderer/src')].filter((f) => !f.startsWith('src/shell/'));
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => !folders.some((re) => re.test(f)))).toEqual([]);
  });

  test("src/README.md's tables name every rule, and every rule they name exists", async () => {
    const config = (await import(CONFIG)) as { forbidden: { name: string }[] };
    const rules = config.forbidden.map((r) => r.name);
    const readme = fs.readFileSync(path.join(APP_ROOT, 'src', 'README.md'), 'utf8');
    // The last cell of a table row lists the rules that keep that row true.
    const named = [...readme.matchAll(/^\|.*\|([^|]*)\|\s*$/gm)].flatMap((row) =>
      [...row[1].matchAll(/`([a-z-]+)`/g)].map((m) => m[1]),
    );
    expect([...new Set(named)].sort()).toEqual([...new Set(rules)].sort());
  });
});

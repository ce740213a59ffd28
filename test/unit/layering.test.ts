/**
 * The layers' import rules, checked mechanically (the role of Chromium's DEPS files): a path
 * names the process it runs in, and a layer never reaches across into another's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { APP_ROOT } from '../../src/platform/paths';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+'([^']+)'|require\('([^']+)'\)/g)].map(
    (m) => m[1] ?? m[2],
  );
}

/** Which top-level folder of src/ an import lands in, or the package name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  const rel = path.relative(path.join(APP_ROOT, 'src'), path.resolve(path.dirname(file), spec));
  return rel.startsWith('..')
    ? `outside:${path.relative(APP_ROOT, path.resolve(path.dirname(file), spec))}`
    : `src/${rel}`;
}

const RULES: { files: string; forbidden: RegExp; why: string }[] = [
  {
    files: 'src/common',
    forbidden: /^(src\/(?!common)|electron|node:(?!crypto))/,
    why: 'common/ is pure: it runs in every process and thread',
  },
  {
    files: 'src/processes',
    forbidden: /^(src\/(browser|shell|bench)|electron$)/,
    why: 'child processes never reach into the browser kernel or a shell',
  },
  {
    files: 'src/viz',
    forbidden: /^(src\/(browser|shell|processes)|electron$)/,
    why: 'the display compositor knows its clients only through the protocol',
  },
  {
    files: 'src/browser',
    forbidden: /^(src\/(shell|processes)|electron$)/,
    why: 'the kernel is host-agnostic: no shell, no Electron, no child code',
  },
  {
    files: 'src/lab',
    forbidden: /^(src\/(browser|shell|processes|viz)|electron$)/,
    why: 'the labs stand alone: they measure the runtime, not the browser',
  },
  {
    files: 'renderer/src',
    forbidden: /^(electron|node:|outside:src\/(?!common\/(controlApi|labReports|tiles)))/,
    why: 'the UI runs in a window: no Electron, no Node, only the control API, lab report types and tile constants',
  },
];

describe('layering', () => {
  for (const rule of RULES) {
    test(`${rule.files}: ${rule.why}`, () => {
      const root = path.join(APP_ROOT, rule.files);
      const offending = sources(root).flatMap((f) =>
        imports(f)
          .map((spec) => target(f, spec))
          .filter((t) => rule.forbidden.test(t))
          .map((t) => `${path.relative(APP_ROOT, f)} imports ${t}`),
      );
      expect(sources(root).length).toBeGreaterThan(0);
      expect(offending).toEqual([]);
    });
  }
});

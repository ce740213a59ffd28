/**
 * The docs a newcomer follows name files by path: every backticked path in them must exist. A
 * path is taken from the repository's root when it starts with a top-level folder (`src/…`,
 * `renderer/…`); src/README.md's own table names folders under `src/`, and a renderer's files
 * under `src/processes/renderer/` (`page/css/CssParser`, `threads/raster.ts`). A module may be
 * named without its `.ts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { APP_ROOT } from '../../src/platform/paths';

const ROOTS = ['src', 'renderer', 'test', 'docs', 'assets', '.ci'];

/** Backticked words that look like one of our paths: a folder of ours, then more. */
function pathsIn(doc: string, prefixes: readonly string[]): string[] {
  const text = fs.readFileSync(path.join(APP_ROOT, doc), 'utf8');
  return [...text.matchAll(/`([\w.-]+(?:\/[\w.-]*)+)`/g)]
    .map((m) => m[1].replace(/^\.\.\//, ''))
    .filter((p) => prefixes.some((f) => p.startsWith(`${f}/`)));
}

function exists(p: string, bases: readonly string[]): boolean {
  return bases.some((b) =>
    ['', '.ts', '.cc'].some((ext) => fs.existsSync(path.join(APP_ROOT, b, p.replace(/\/$/, '') + ext))),
  );
}

const srcFolders = fs.readdirSync(path.join(APP_ROOT, 'src'));
const rendererFolders = fs.readdirSync(path.join(APP_ROOT, 'src', 'processes', 'renderer'));

test.each(['docs/architecture.md', 'docs/api.md', 'docs/security.md'])('%s names only paths that exist', (doc) => {
  const paths = pathsIn(doc, [...ROOTS, ...rendererFolders]);
  expect(paths.length).toBeGreaterThan(0);
  expect(paths.filter((p) => !exists(p, ['', 'src/processes/renderer']))).toEqual([]);
});

test("src/README.md names only paths that exist: its own folders, a renderer's, or the repository's", () => {
  const paths = pathsIn('src/README.md', [...ROOTS, ...srcFolders, ...rendererFolders]);
  expect(paths.length).toBeGreaterThan(20);
  expect(paths.filter((p) => !exists(p, ['', 'src', 'src/processes/renderer']))).toEqual([]);
});

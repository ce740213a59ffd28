import * as fs from 'node:fs';
import * as path from 'node:path';

/** The folder holding package.json: compiled code lives in dist/src/…, assets and the UI beside it. */
function findAppRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'assets'))) return dir;
    if (path.dirname(dir) === dir)
      throw new Error(`Cannot find Minium's folder (package.json and assets/) above ${start}`);
  }
}

export const APP_ROOT = findAppRoot(__dirname);
/** Root of the compiled sources (dist/src). */
export const SRC_ROOT = path.resolve(__dirname, '..');
export const ASSETS_DIR = path.join(APP_ROOT, 'assets');
export const UI_DIR = path.join(APP_ROOT, 'renderer');

/** Files that must exist on disk (native addons, fonts) live beside app.asar in a packaged app. */
export function unpackedPath(p: string): string {
  const unpacked = p.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  return unpacked !== p && fs.existsSync(unpacked) ? unpacked : p;
}

export function childEntry(relative: string): string {
  return path.join(SRC_ROOT, relative);
}

import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Where Electron's binary is, if it is installed. Reads the electron package's path.txt instead of
 * require('electron'), which would try to download a missing binary as a side effect.
 */
export function findElectronBinary(): { path: string | null; why: string } {
  let dir: string;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, why: 'the electron package is not installed' };
  }
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile))
    return {
      path: null,
      why: `Electron's binary was never downloaded (no ${pathFile}; installed with ELECTRON_SKIP_BINARY_DOWNLOAD?)`,
    };
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist');
  const binary = path.join(base, relative);
  return fs.existsSync(binary)
    ? { path: binary, why: `Electron's binary is installed (${binary})` }
    : { path: null, why: `Electron's binary is missing at ${binary}` };
}

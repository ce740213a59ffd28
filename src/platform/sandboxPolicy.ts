/**
 * What a sandboxed child may touch on disk (Landlock rules, src/native/sandbox.cc): read-only
 * beneath the app's shipped code and assets, the runtime and the system libraries; write nothing
 * (tile pools are anonymous memory, handed over as descriptors). Not the whole app root: its
 * `.git` and the user's files stay refused.
 */
import * as path from 'node:path';
import { APP_ROOT, ASSETS_DIR, SRC_ROOT, unpackedPath } from './paths';

/** Landlock rules name real files: a path inside Electron's app.asar is the archive file itself. */
function onDisk(p: string): string {
  const asar = p.indexOf(`.asar${path.sep}`);
  return asar >= 0 ? p.slice(0, asar + '.asar'.length) : p;
}

export function readablePaths(extra: string[] = []): string[] {
  const shipped = [SRC_ROOT, path.join(APP_ROOT, 'build', 'Release'), path.join(APP_ROOT, 'node_modules'), ASSETS_DIR];
  const paths = [
    ...shipped.map(onDisk),
    ...shipped.map(unpackedPath), // native addons and fonts live beside app.asar when packaged
    // Node looks up the nearest package.json to know each module's type.
    path.join(APP_ROOT, 'package.json'),
    path.dirname(process.execPath), // the runtime's own files (Electron's resources, ICU data)
    '/usr/lib',
    '/usr/lib64',
    '/lib',
    '/lib64',
    '/etc/ld.so.cache',
    '/usr/share/fonts',
    '/etc/fonts',
    // Dates: glibc and ICU read the time zone lazily, on the first Date formatted.
    '/etc/localtime',
    '/usr/share/zoneinfo',
    '/dev/null',
    '/dev/urandom',
    // This process's own /proc entry only: glibc reads /proc/self/maps for the main thread's
    // stack (V8 asks), process.memoryUsage() reads /proc/self/stat, the read-back reads status.
    '/proc/self',
    ...extra,
  ];
  // Paths that do not exist here (/lib64 on aarch64) are skipped natively: Node's permission model hides them from JS.
  return [...new Set(paths)];
}

/** What name resolution reads (glibc's resolver, NSS): only the network service gets these. */
export const NAME_RESOLUTION_FILES = [
  '/etc/resolv.conf',
  '/etc/hosts',
  '/etc/nsswitch.conf',
  '/etc/host.conf',
  '/etc/gai.conf',
];

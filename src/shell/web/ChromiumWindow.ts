/**
 * Opens the web shell's UI in a Chromium-based browser in --app mode (a window with no browser
 * chrome of its own), with a throw-away profile. Debian's Chromium first; MINIUM_CHROMIUM overrides.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function findChromium(): string | null {
  const chosen = process.env.MINIUM_CHROMIUM;
  if (chosen) return fs.existsSync(chosen) ? chosen : null;
  return CANDIDATES.find((c) => fs.existsSync(c)) ?? null;
}

export function hasDisplay(): boolean {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

export function openAppWindow(executable: string, url: string): ChildProcess {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'minium-window-'));
  const args = [
    `--app=${url}`,
    `--user-data-dir=${profile}`,
    '--window-size=1400,900',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Chromium refuses to run as root with its sandbox; --test-type hides the warning bar that flag brings.
    ...(process.getuid?.() === 0 ? ['--no-sandbox', '--test-type'] : []),
  ];
  const child = spawn(executable, args, { stdio: 'ignore' });
  child.on('exit', () => fs.rmSync(profile, { recursive: true, force: true }));
  return child;
}

/**
 * Debian's Chromium for the e2e tests: where it is, where screenshots go, how it is launched, and
 * a `describe` that is skipped, saying why, when there is no Chromium — unless
 * MINIUM_REQUIRE_CHROMIUM=1 (as .ci/run sets): then that is a failure.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.MINIUM_CHROMIUM ?? '/usr/bin/chromium';
export const SHOTS = path.join(os.tmpdir(), 'minium-e2e');

export function describeInChromium(name: string, suite: () => void): void {
  const missing = fs.existsSync(CHROMIUM)
    ? null
    : `there is no Chromium at ${CHROMIUM} (apt-get install chromium, or set MINIUM_CHROMIUM)`;
  if (missing && process.env.MINIUM_REQUIRE_CHROMIUM === '1')
    throw new Error(`The e2e tests "${name}" are required (MINIUM_REQUIRE_CHROMIUM=1) but ${missing}.`);
  if (missing) process.stdout.write(`SKIPPED e2e tests "${name}": ${missing}\n`);
  (missing ? describe.skip : describe)(name, suite);
}

export function launchChromium(): Promise<Browser> {
  fs.mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

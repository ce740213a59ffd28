#!/usr/bin/env node
/**
 * `minium`: start the app (Electron shell when its binary is installed, else the web shell),
 * run the web shell alone, or run benchmarks.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { SHORT_HUNG_RENDERER_DELAY_MS } from '../../browser/RenderProcessHost';
import { APP_ROOT } from '../../platform/paths';
import { runWebShell } from '../web/WebShell';
import { runBenchmarks } from '../../bench/runBenchmarks';
import { findElectronBinary } from './electronBinary';
import { runLab } from './runLab';
import { scenarioCommand } from './runScenario';
import { runTrace } from './runTrace';

const USAGE = `Usage:
  minium start                      open Minium (Electron if installed, else the web shell in Chromium)
  minium web [--headless] [--port N] [--raster-threads N] [--process-limit N] [--no-sandbox]
             [--short-hang] [--memory-budget MB]
                                    the web shell; prints the UI's URL as its first line;
                                    --short-hang: a page is unresponsive after 5 s, not Chromium's 15 s
  minium bench [all|NAME] [--json]  benchmarks (names: ${'`minium bench list`'})
  minium lab ipc [--quick] [--json] [--only pipe,tcp,…]
                                    the IPC lab: every mechanism between two real processes
  minium trace [--seconds N] [--out FILE] [--url URL]
                                    records every process for N s (default 5) while a page animates
                                    and takes input; writes Chrome's JSON trace (default trace.json)
  minium lab threads [--quick] [--json]
                                    processes against threads: start, end, memory, switch, work, faults
  minium scenario list              the bundled scenarios (assets/scenarios), one per demonstration
  minium scenario run FILE|NAME [--headless] [--record out.mp4|out.webm] [--speed N] [--shell electron]
                                    plays a scenario in a window, a line per step; exit 0 when
                                    every expect held; --record films the window at 30 fps
`;

function int(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} takes a whole number, not "${value}"`);
  return n;
}

async function main(argv: string[]): Promise<void> {
  const [command = 'start', ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      headless: { type: 'boolean', default: false },
      port: { type: 'string' },
      'raster-threads': { type: 'string' },
      'process-limit': { type: 'string' },
      'no-sandbox': { type: 'boolean', default: false },
      'short-hang': { type: 'boolean', default: false },
      'memory-budget': { type: 'string' },
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      shell: { type: 'string' },
      record: { type: 'string' },
      speed: { type: 'string' },
      seconds: { type: 'string' },
      out: { type: 'string' },
      url: { type: 'string' },
    },
  });
  const web = () =>
    runWebShell({
      port: int(values.port, 'port') ?? 0,
      headless: values.headless ?? false,
      rasterThreads: int(values['raster-threads'], 'raster-threads'),
      processLimit: int(values['process-limit'], 'process-limit'),
      sandbox: !values['no-sandbox'],
      hangTimeoutMs: values['short-hang'] ? SHORT_HUNG_RENDERER_DELAY_MS : undefined,
      rendererMemoryBudgetMb: int(values['memory-budget'], 'memory-budget'),
    });
  switch (command) {
    case 'start': {
      const electron = findElectronBinary();
      if (electron.path && values.shell !== 'web') {
        process.stderr.write(`Minium: starting the Electron shell: ${electron.why}.\n`);
        const child = spawn(electron.path, [path.join(APP_ROOT)], { stdio: 'inherit' });
        child.on('exit', (code) => process.exit(code ?? 0));
        return;
      }
      process.stderr.write(
        `Minium: starting the web shell (Node ${process.version}): ` +
          `${values.shell === 'web' ? 'asked for with --shell web' : electron.why}.\n`,
      );
      return web();
    }
    case 'web':
      return web();
    case 'bench':
      return runBenchmarks(positionals[0] ?? 'all', values.json ?? false);
    case 'lab':
      return runLab(positionals[0], {
        quick: values.quick ?? false,
        json: values.json ?? false,
        only: values.only?.split(',').filter(Boolean),
      });
    case 'scenario':
      return process.exit(
        await scenarioCommand(positionals[0], positionals[1], {
          shell: values.shell,
          headless: values.headless ?? false,
          record: values.record,
          speed: values.speed === undefined ? 1 : Number(values.speed),
          sandbox: !values['no-sandbox'],
        }),
      );
    case 'trace':
      return runTrace({
        seconds: Number(values.seconds ?? 5),
        out: values.out ?? 'trace.json',
        url: values.url ?? 'https://orbit.example/',
      });
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return;
    default:
      throw new Error(`Unknown command "${command}".\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`minium: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

/** `npm run bench` / `minium bench NAME [--json]`: runs benchmarks and prints a table, or JSON. */
import { blockedMainFps } from './blockedMainFps';
import { firstFrame } from './firstFrame';
import { idleCpu } from './idleCpu';
import { type BenchResult, machine } from './harness';
import { inputLatency } from './inputLatency';
import { labStability } from './labStability';
import { orphanExit } from './orphanExit';
import { rasterThroughput } from './rasterThroughput';
import { rendererMemory } from './rendererMemory';
import { sadTab } from './sadTab';
import { sandboxSetup } from './sandboxSetup';
import { survivorFps } from './survivorFps';

const BENCHMARKS: Record<string, () => Promise<BenchResult>> = {
  'first-frame': () => firstFrame(),
  'sad-tab': () => sadTab(),
  'survivor-fps': () => survivorFps(),
  'orphan-exit': () => orphanExit(),
  raster: () => rasterThroughput(),
  'blocked-main': () => blockedMainFps(),
  'input-latency': () => inputLatency(),
  sandbox: () => sandboxSetup(),
  memory: () => rendererMemory(),
  'idle-cpu': () => idleCpu(),
  'lab-stability': () => labStability(),
};

export async function runBenchmarks(which: string, json: boolean): Promise<void> {
  if (which === 'list') {
    process.stdout.write(`${Object.keys(BENCHMARKS).join('\n')}\n`);
    return;
  }
  const names = which === 'all' ? Object.keys(BENCHMARKS) : [which];
  const unknown = names.find((n) => !BENCHMARKS[n]);
  if (unknown) throw new Error(`No benchmark "${unknown}"; there are: ${Object.keys(BENCHMARKS).join(', ')}`);
  const results: BenchResult[] = [];
  for (const n of names) {
    if (!json) process.stderr.write(`running ${n}…\n`);
    results.push(await BENCHMARKS[n]());
  }
  const report = { machine: machine(), date: new Date().toISOString(), results };
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const lines = [`Machine: ${Object.values(report.machine).join(' · ')}`, ''];
    for (const r of results) {
      for (const row of r.rows) {
        const ratio = row.baseline.value ? ` (${(row.value / row.baseline.value).toFixed(2)}× baseline)` : '';
        lines.push(
          `${r.name.padEnd(14)} ${row.metric}`,
          `${''.padEnd(14)}   this machine: ${row.value.toFixed(1)} ${row.unit}${ratio}`,
          `${''.padEnd(14)}   baseline:     ${row.baseline.value.toFixed(1)} ${row.unit} — ${row.baseline.what}`,
        );
      }
    }
    process.stdout.write(`${lines.join('\n')}\n\n${JSON.stringify(report)}\n`);
  }
  process.exit(0);
}

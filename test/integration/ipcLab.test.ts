/** `minium lab ipc` as a person runs it: real processes, a progress bar, a table or JSON. */
import { spawn } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { IpcLabReport } from '../../src/common/labReports';
import { waitFor } from '../../src/common/waitFor';

const CLI = path.join(__dirname, '../../src/shell/cli/main.js');
const leftovers = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('minium-lab-'));

test('--quick --json measures the chosen mechanisms at every quick size and cleans up', () => {
  const before = leftovers();
  const run = spawnSync(process.execPath, [CLI, 'lab', 'ipc', '--quick', '--json', '--only', 'pipe,tcp,sab'], {
    encoding: 'utf8',
    timeout: 120000,
  });
  expect(run.status).toBe(0);
  const report = JSON.parse(run.stdout) as IpcLabReport;
  expect(report.mechanisms.map((m) => m.id)).toEqual(['pipe', 'tcp', 'sab']);
  expect(report.cells).toHaveLength(3 * report.options.sizes.length);
  for (const c of report.cells) {
    expect(c.error).toBeUndefined();
    expect(c.rtt!.median).toBeGreaterThan(0);
    expect(c.rtt!.p99).toBeGreaterThanOrEqual(c.rtt!.median);
    expect(c.throughput!.bytesPerSecond).toBeGreaterThan(0);
    // Repeated for an interval: nine batches of round trips, nine streams.
    expect(c.rtt!.spread).toMatchObject({ n: 9 });
    expect(c.throughput!.spread).toMatchObject({ n: 9 });
    expect(c.rtt!.spread.low).toBeLessThanOrEqual(c.rtt!.spread.high);
  }
  expect(report.machine.cores).toBeGreaterThan(0);
  // Without both mq and shm there is nothing to judge MQ2 by.
  expect(report.frequentIo).toBeNull();
  expect(report.verdicts.find((v) => v.id === 'MQ2')?.verdict).toBe('not measured');
  expect(run.stderr).toMatch(/\[#+\] 12\/12 done/);
  expect(leftovers()).toEqual(before);
});

test('MQ2 is judged from bursts of small messages over mq and shm in turn, pair by pair', () => {
  const run = spawnSync(process.execPath, [CLI, 'lab', 'ipc', '--quick', '--json', '--only', 'shm,mq'], {
    encoding: 'utf8',
    timeout: 120000,
  });
  expect(run.status).toBe(0);
  const report = JSON.parse(run.stdout) as IpcLabReport;
  const f = report.frequentIo!;
  expect(f.error).toBeUndefined();
  expect(f.size).toBe(64);
  // Every burst arrived whole (the lab checks each tally), as many over each, and each pair gave a ratio.
  for (const side of [f.mq!, f.shm!, f.ratio!]) {
    expect(side.n).toBe(41);
    expect(side.confidence).toBeGreaterThanOrEqual(0.95);
    expect(side.low).toBeGreaterThan(0);
    expect(side.low).toBeLessThanOrEqual(side.median);
    expect(side.median).toBeLessThanOrEqual(side.high);
  }
  const mq2 = report.verdicts.find((v) => v.id === 'MQ2')!;
  expect(['holds', 'does not hold here', 'inconclusive here']).toContain(mq2.verdict);
  expect(mq2.ratio).toEqual({ median: f.ratio!.median, low: f.ratio!.low, high: f.ratio!.high });
  expect(mq2.because).toMatch(/64-byte messages .*41 pairs.*repetition by repetition/);
});

test('an unknown mechanism or lab is a clear error', () => {
  const bad = spawnSync(process.execPath, [CLI, 'lab', 'ipc', '--only', 'carrier-pigeon'], { encoding: 'utf8' });
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(/Unknown mechanism\(s\): carrier-pigeon\. There are: .*\btcp\b/);
  const lab = spawnSync(process.execPath, [CLI, 'lab', 'cooking'], { encoding: 'utf8' });
  expect(lab.stderr).toMatch(/Unknown lab "cooking"/);
});

test('Ctrl+C mid-run removes what the lab created', async () => {
  const before = leftovers();
  const child = spawn(process.execPath, [CLI, 'lab', 'ipc', '--only', 'fifo,unix'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => /\d+\/\d+ (fifo|unix)/.test(d.toString()) && resolve());
    void exited.then((code) => reject(new Error(`the lab exited with ${code} before measuring fifo or unix`)));
  });
  const during = await waitFor(
    () => leftovers().length > before.length && leftovers(),
    'the lab’s fifo or socket files',
  );
  expect(during.length).toBeGreaterThan(before.length);
  child.kill('SIGINT');
  expect(await exited).toBe(130);
  expect(leftovers()).toEqual(before);
});

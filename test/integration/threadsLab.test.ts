/** `minium lab threads`: real processes and threads side by side, and what each fault takes down. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { ThreadsLabReport } from '../../src/common/labReports';

test('--quick --json measures every pair and the blast radius of each fault', () => {
  const run = spawnSync(
    process.execPath,
    [path.join(__dirname, '../../src/shell/cli/main.js'), 'lab', 'threads', '--quick', '--json'],
    { encoding: 'utf8', timeout: 170000 },
  );
  expect(run.status).toBe(0);
  const r = JSON.parse(run.stdout) as ThreadsLabReport;
  expect(r.pairs.map((p) => p.metric.split(':')[0])).toEqual(
    expect.arrayContaining([
      'start',
      'end',
      'memory per idle unit (runtime)',
      'create + end one',
      'switch',
      'wake-up across cores',
      'shared work',
    ]),
  );
  for (const p of r.pairs) {
    expect(p.process!.median).toBeGreaterThan(0);
    expect(p.thread!.median).toBeGreaterThan(0);
    // Every figure is repeated: a median inside an interval from enough repetitions for 95%.
    for (const e of [p.process!, p.thread!]) {
      expect(e.n).toBeGreaterThanOrEqual(9);
      expect(e.confidence).toBeGreaterThanOrEqual(0.95);
      expect(e.low).toBeLessThanOrEqual(e.median);
      expect(e.high).toBeGreaterThanOrEqual(e.median);
    }
  }
  const blast = Object.fromEntries(r.blast.map((b) => [b.fault.split(' ')[0], b]));
  expect(blast.uncaught).toMatchObject({ siblingsSurvived: true, labSurvived: true });
  expect(blast.memory.outcome).toMatch(/whole process ended by SIGSEGV/);
  expect(blast.fatal).toMatchObject({ siblingsSurvived: true, labSurvived: true });
  const verdicts = Object.fromEntries(r.verdicts.map((v) => [v.id, v.verdict]));
  expect(verdicts.MT3).toBe('holds');
  expect(r.visibility).toEqual([
    { kind: 'process', sawLabGlobal: false, sawSharedBuffer: null },
    { kind: 'thread', sawLabGlobal: false, sawSharedBuffer: true },
  ]);
  expect(verdicts.TB1).toBe('holds in part');
  expect(Object.keys(verdicts)).toEqual(expect.arrayContaining(['MP3', 'MP4', 'MT4', 'MT5', 'TB2', 'TB3', 'TB5']));
  // The switch is measured pinned: both sides on the CPU the metric names, the peer elsewhere for the wake-up.
  const cpus = r.pairs.map((p) => /CPU (\d+)/.exec(p.metric)?.[1]).filter(Boolean);
  expect(cpus.length).toBe(2);
  expect(cpus[0]).toBe(cpus[1]);
}, 180000);

/**
 * `minium bench lab-stability`: runs each lab quick five times, each in a process of its own as the
 * Lab page does, and reports whether every claim got the same verdict each time (issue 11: three
 * runs of the threads lab gave MP4/MT5 three verdicts on figures within noise of each other).
 * The per-claim table goes to stderr; the rows count the claims that kept their verdict, against
 * the claims judged in the same runs.
 */
import { fork } from 'node:child_process';
import type { ClaimVerdict, LabName, LabReport } from '../common/labReports';
import { childEntry } from '../platform/paths';
import type { BenchResult, Row } from './harness';

const RUNS = 5;

function runLabOnce(lab: LabName): Promise<LabReport> {
  return new Promise((resolve, reject) => {
    const child = fork(childEntry('lab/labMain.js'), [`--lab=${lab}`, '--quick'], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let report: LabReport | null = null;
    child.on('message', (m: { report?: LabReport; error?: string }) => {
      if (m.report) report = m.report;
      if (m.error) reject(new Error(`the ${lab} lab failed: ${m.error}`));
    });
    child.once('exit', (code, signal) =>
      report
        ? resolve(report)
        : reject(new Error(`the ${lab} lab ended (${signal ?? `exit ${code}`}) without a report`)),
    );
  });
}

/**
 * One line per claim: its verdict in each run, and whether they were all the same; under a claim
 * that changed, each run's reason (its figures and intervals).
 */
function claimLines(runs: ClaimVerdict[][]): { lines: string[]; stable: number; claims: number } {
  const ids = [...new Set(runs.flatMap((r) => r.map((v) => v.id)))];
  let stable = 0;
  const lines = ids.flatMap((id) => {
    const found = runs.map((r) => r.find((v) => v.id === id));
    const verdicts = found.map((v) => v?.verdict ?? 'missing');
    const same = new Set(verdicts).size === 1;
    if (same) stable++;
    const line = `  ${id.padEnd(7)} ${same ? 'same   ' : 'CHANGED'} ${verdicts.join(' | ')}`;
    return same ? [line] : [line, ...found.map((v, i) => `          run ${i + 1}: ${v?.because ?? 'no verdict'}`)];
  });
  return { lines, stable, claims: ids.length };
}

export async function labStability(): Promise<BenchResult> {
  const rows: Row[] = [];
  for (const lab of ['threads', 'ipc'] as const) {
    const runs: ClaimVerdict[][] = [];
    for (let i = 0; i < RUNS; i++) {
      process.stderr.write(`  ${lab} lab, quick run ${i + 1} of ${RUNS}…\n`);
      runs.push((await runLabOnce(lab)).verdicts);
    }
    const { lines, stable, claims } = claimLines(runs);
    process.stderr.write(`${lab} lab, verdicts of ${RUNS} quick runs:\n${lines.join('\n')}\n`);
    rows.push({
      metric: `${lab} lab: claims with one verdict in all ${RUNS} quick runs`,
      unit: 'claims',
      value: stable,
      baseline: { what: 'claims the lab judged in those runs', value: claims },
    });
  }
  return { name: 'lab-stability', rows };
}

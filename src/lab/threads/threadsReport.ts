/** The process-versus-thread lab as text, with a verdict per claim it speaks to. */
import type { Estimate, ThreadsLabReport } from '../../common/labReports';
import { formatEstimate } from '../stats';

const fmt = (e: Estimate | null, unit: string) => (e ? formatEstimate(e, unit) : '—');

export function formatThreadsReport(r: ThreadsLabReport): string {
  const width = Math.max(...r.pairs.map((p) => p.metric.length)) + 2;
  return [
    `Machine: ${Object.entries(r.machine)
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}`,
    '',
    `Each figure: the median of ${[...new Set(r.pairs.map((p) => p.process?.n))].join(' or ')} repetitions ` +
      `(process and thread in turn) and, in brackets, a confidence interval (at least 95%) of that median`,
    '',
    `${''.padEnd(width)}${'process'.padStart(24)}${'thread'.padStart(24)}${'ratio, by repetition'.padStart(24)}`,
    ...r.pairs.map(
      (p) =>
        `${p.metric.padEnd(width)}${fmt(p.process, p.unit).padStart(24)}${fmt(p.thread, p.unit).padStart(24)}` +
        `${fmt(p.ratio, '×').padStart(24)}`,
    ),
    '',
    'Blast radius:',
    ...r.blast.map(
      (b) =>
        `  ${b.fault}: ${b.outcome}; lab ${b.labSurvived ? 'carried on' : 'died'}; siblings ` +
        `${b.siblingsSurvived ? 'carried on' : 'died too'}`,
    ),
    '',
    'What each unit saw of the lab’s memory:',
    ...r.visibility.map(
      (v) =>
        `  a ${v.kind}: the lab’s global ${v.sawLabGlobal ? 'yes' : 'no'}; a shared buffer ` +
        `${v.sawSharedBuffer === null ? 'cannot be handed to it' : v.sawSharedBuffer ? 'yes' : 'no'}`,
    ),
    '',
    'Claims (CLAIMS.md):',
    ...r.verdicts.map((v) => `  ${v.id.padEnd(7)} ${v.verdict.padEnd(19)} ${v.because}`),
    '',
    ...r.pairs.filter((p) => p.note).map((p) => `${p.metric}: ${p.note}`),
  ].join('\n');
}

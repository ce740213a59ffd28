/**
 * The one rule by which every lab reads a claim of the form "A is larger than B" (costs more,
 * carries more) from two figures, each measured several times (stats.ts: a median and a 95%
 * order-statistic interval of it). It reads the interval of the ratio A ÷ B:
 *
 * - where A and B were measured in turn, repetition by repetition (the threads lab), the ratio of
 *   each pair is a repetition of its own and gets an interval like any figure: drift that moves
 *   both sides alike (another program's load) cancels out;
 * - otherwise (the IPC lab's mechanisms, measured one after another) the ratio is bounded by the
 *   two intervals' ends: low = A.low ÷ B.high, high = A.high ÷ B.low.
 *
 * Then, with `strong` what the claim implies ("costly" = half as much again, say):
 *
 * - **holds**: low ≥ `strong`: A is larger, by at least what the claim implies;
 * - **holds in part**: 1 < low < `strong`: A is larger, but not shown to be by that much;
 * - **does not hold here**: high < 1: B is larger;
 * - **inconclusive here**: the interval spans 1, so this run cannot tell the two apart, or there
 *   were too few repetitions for a 95% interval.
 *
 * Overlap is never read as "the same": a verdict moves only when the figures move past each
 * other, not with noise inside their intervals.
 */
import type { ClaimVerdict, Estimate, Verdict } from '../common/labReports';
import { CONFIDENCE, estimate, formatEstimate } from './stats';

export interface Judgement {
  verdict: Verdict;
  ratio: { median: number; low: number; high: number } | null;
}

/** Ratios of measurements taken in turn (larger[i] with smaller[i]), as a figure of their own. */
export function pairedRatio(larger: number[], smaller: number[]): Estimate | null {
  if (larger.length !== smaller.length || smaller.some((x) => x <= 0)) return null;
  return estimate(larger.map((x, i) => x / smaller[i]));
}

export function judge(
  larger: Estimate | null,
  smaller: Estimate | null,
  strong: number,
  paired: Estimate | null = null,
): Judgement {
  if (!larger || !smaller || smaller.low <= 0) return { verdict: 'not measured', ratio: null };
  const ratio = paired
    ? { median: paired.median, low: paired.low, high: paired.high }
    : { median: larger.median / smaller.median, low: larger.low / smaller.high, high: larger.high / smaller.low };
  const enough = paired
    ? paired.confidence >= CONFIDENCE
    : larger.confidence >= CONFIDENCE && smaller.confidence >= CONFIDENCE;
  const verdict: Verdict = !enough
    ? 'inconclusive here'
    : ratio.low >= strong
      ? 'holds'
      : ratio.low > 1
        ? 'holds in part'
        : ratio.high < 1
          ? 'does not hold here'
          : 'inconclusive here';
  return { verdict, ratio };
}

/** A claim's verdict from two figures, with both figures and the ratio's interval in its reason. */
export function compareClaim(
  id: string,
  what: string,
  larger: { label: string; estimate: Estimate | null },
  smaller: { label: string; estimate: Estimate | null },
  unit: string,
  strong: number,
  options: { paired?: Estimate | null; more?: string } = {},
): ClaimVerdict {
  const paired = options.paired ?? null;
  const { verdict, ratio } = judge(larger.estimate, smaller.estimate, strong, paired);
  if (!ratio) return { id, verdict, because: `${what}: not measured here` };
  const r = (x: number) => x.toFixed(2);
  const tooFew = [paired ?? larger.estimate!, paired ?? smaller.estimate!].find((e) => e.confidence < CONFIDENCE);
  const why = tooFew
    ? `: ${tooFew.n} repetitions give only a ${Math.round(tooFew.confidence * 100)}% interval`
    : ': the ratio’s interval spans 1, so this run cannot tell the two apart';
  return {
    id,
    verdict,
    ratio,
    because:
      `${what}: ${larger.label} ${formatEstimate(larger.estimate!, unit)}, ${smaller.label} ` +
      `${formatEstimate(smaller.estimate!, unit)}; ratio ${r(ratio.median)}× (${r(ratio.low)}–${r(ratio.high)}` +
      `${paired ? ', repetition by repetition' : ''})` +
      `${verdict === 'inconclusive here' ? why : ''}${options.more ?? ''}`,
  };
}

/**
 * The one rule by which every lab reads a claim of the form "A is larger than B" (costs more,
 * carries more) from two figures, each measured several times (stats.ts: a median and a 95%
 * order-statistic interval of it). The ratio A ÷ B is bounded by the intervals' ends:
 * low = A.low ÷ B.high, high = A.high ÷ B.low. Then:
 *
 * - **holds**: low ≥ `strong`: A is larger, by at least what the claim implies;
 * - **holds in part**: 1 < low < `strong`: A is larger, but not shown to be by that much;
 * - **does not hold here**: high < 1: B is larger;
 * - **inconclusive here**: the intervals overlap (low ≤ 1 ≤ high), so this run cannot tell the
 *   two apart, or either side had too few repetitions for a 95% interval.
 *
 * Overlap is never read as "the same": a verdict moves only when the intervals move past each
 * other, not with noise inside them.
 */
import type { ClaimVerdict, Estimate, Verdict } from '../common/labReports';
import { CONFIDENCE, formatEstimate } from './stats';

export interface Judgement {
  verdict: Verdict;
  ratio: { median: number; low: number; high: number } | null;
}

export function judge(larger: Estimate | null, smaller: Estimate | null, strong: number): Judgement {
  if (!larger || !smaller || smaller.low <= 0) return { verdict: 'not measured', ratio: null };
  const ratio = {
    median: larger.median / smaller.median,
    low: larger.low / smaller.high,
    high: larger.high / smaller.low,
  };
  if (larger.confidence < CONFIDENCE || smaller.confidence < CONFIDENCE) return { verdict: 'inconclusive here', ratio };
  const verdict: Verdict =
    ratio.low >= strong
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
  more = '',
): ClaimVerdict {
  const { verdict, ratio } = judge(larger.estimate, smaller.estimate, strong);
  if (!ratio) return { id, verdict, because: `${what}: not measured here` };
  const r = (x: number) => x.toFixed(2);
  return {
    id,
    verdict,
    ratio,
    because:
      `${what}: ${larger.label} ${formatEstimate(larger.estimate!, unit)}, ${smaller.label} ` +
      `${formatEstimate(smaller.estimate!, unit)}; ratio ${r(ratio.median)}× (${r(ratio.low)}–${r(ratio.high)})` +
      `${verdict === 'inconclusive here' ? `: ${why(larger.estimate!, smaller.estimate!)}` : ''}${more}`,
  };
}

function why(a: Estimate, b: Estimate): string {
  const few = [a, b].find((e) => e.confidence < CONFIDENCE);
  return few
    ? `${few.n} repetitions give only a ${Math.round(few.confidence * 100)}% interval`
    : 'the intervals overlap, so this run cannot tell the two apart';
}

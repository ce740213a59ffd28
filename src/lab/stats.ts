import type { Estimate } from '../common/labReports';

/** Order statistics of a sample. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const median = (xs: number[]) => percentile(xs, 50);

/** The coverage every lab interval aims at. */
export const CONFIDENCE = 0.95;

/** P(X ≤ k) for X ~ Binomial(n, 1/2). */
function binomialHalfCdf(n: number, k: number): number {
  let term = 0.5 ** n; // P(X = 0)
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return sum;
}

/**
 * The median of repeated measurements with a distribution-free confidence interval of the median
 * from order statistics: [x₍ₖ₎, x₍ₙ₊₁₋ₖ₎] covers the true median with probability
 * 1 − 2·P(Binomial(n, ½) ≤ k−1), whatever the distribution, so long as the repetitions are
 * independent. k is the largest that still reaches CONFIDENCE; with fewer than 6 repetitions none
 * does, and the interval is the whole range with the (lower) coverage it has.
 */
export function estimate(xs: number[]): Estimate {
  if (xs.length === 0) throw new Error('estimate: no measurements to estimate from');
  if (xs.some((x) => !Number.isFinite(x)))
    throw new Error(`estimate: a measurement is not a number (${xs.join(', ')})`);
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  let k = 1;
  while (k + 1 <= n / 2 && 1 - 2 * binomialHalfCdf(n, k) >= CONFIDENCE) k++;
  const mid = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return { median: mid, low: s[k - 1], high: s[n - k], n, confidence: Math.max(0, 1 - 2 * binomialHalfCdf(n, k - 1)) };
}

/** The medians of `count` consecutive batches of samples: repetitions taken in turn, for estimate(). */
export function batchMedians(samples: number[], count: number): number[] {
  const size = Math.floor(samples.length / count);
  if (size < 1) return [median(samples)];
  return Array.from({ length: count }, (_, i) => median(samples.slice(i * size, (i + 1) * size)));
}

/** "0.64 µs (0.63–0.66)": a median and its interval, as every lab prints them. */
export function formatEstimate(e: Estimate, unit: string): string {
  const f = (x: number) => (Math.abs(x) < 10 ? x.toFixed(2) : x.toFixed(0));
  return `${f(e.median)} ${unit} (${f(e.low)}–${f(e.high)})`;
}

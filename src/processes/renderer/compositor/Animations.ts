/**
 * CSS animations of transform and opacity, sampled on the compositor thread every vsync with no
 * work on the main thread, as Chromium runs them. Pure: keyframes and time in, values out.
 */
import type { Easing, LayerAnimation, ResolvedTransform } from '../commit/PagePaint';
import { interpolateTransform } from './Transforms';

export interface AnimationSample {
  transform: ResolvedTransform[];
  opacity: number;
}

/** The animated values at `elapsedMs` after the animation started, or null when it has no effect then. */
export function sampleAnimation(anim: LayerAnimation, elapsedMs: number): AnimationSample | null {
  const { spec, frames } = anim;
  const t = elapsedMs - spec.delayMs;
  const total = spec.durationMs * spec.iterations;
  let iteration: number;
  let progress: number;
  if (t < 0) {
    if (spec.fill !== 'backwards' && spec.fill !== 'both') return null;
    iteration = 0;
    progress = 0;
  } else if (t >= total) {
    if (spec.fill !== 'forwards' && spec.fill !== 'both') return null;
    iteration = Math.max(0, Math.ceil(spec.iterations) - 1);
    progress = spec.iterations % 1 || 1;
  } else {
    iteration = Math.floor(t / spec.durationMs);
    progress = (t % spec.durationMs) / spec.durationMs;
  }
  const reversed =
    spec.direction === 'reverse' ||
    (spec.direction === 'alternate' && iteration % 2 === 1) ||
    (spec.direction === 'alternate-reverse' && iteration % 2 === 0);
  if (reversed) progress = 1 - progress;
  let i = 0;
  while (i < frames.length - 2 && progress > frames[i + 1].offset) i++;
  const a = frames[i];
  const b = frames[Math.min(i + 1, frames.length - 1)];
  const span = b.offset - a.offset;
  const local = span > 0 ? ease(spec.easing, Math.max(0, Math.min(1, (progress - a.offset) / span))) : 1;
  return {
    transform: interpolateTransform(a.transform, b.transform, local),
    opacity: a.opacity + (b.opacity - a.opacity) * local,
  };
}

/** A timing function at progress x (per keyframe interval, as CSS applies it). */
export function ease(easing: Easing, x: number): number {
  if (easing === 'linear') return x;
  if ('steps' in easing) return Math.min(1, Math.floor(x * easing.steps) / easing.steps);
  const [x1, y1, x2, y2] = easing;
  // Solve bezierX(s) = x by Newton's method, then return bezierY(s).
  const bx = (s: number) => 3 * (1 - s) ** 2 * s * x1 + 3 * (1 - s) * s * s * x2 + s ** 3;
  const by = (s: number) => 3 * (1 - s) ** 2 * s * y1 + 3 * (1 - s) * s * s * y2 + s ** 3;
  const dx = (s: number) => 3 * (1 - s) ** 2 * x1 + 6 * (1 - s) * s * (x2 - x1) + 3 * s * s * (1 - x2);
  let s = x;
  for (let k = 0; k < 8; k++) {
    const d = dx(s);
    if (Math.abs(d) < 1e-6) break;
    s = Math.max(0, Math.min(1, s - (bx(s) - x) / d));
  }
  return by(s);
}

/**
 * Compositor-driven animations: a transform or opacity changing every vsync with no work on the
 * main thread, as Chromium animates `transform` and `opacity` on the compositor thread.
 * Pure: progress in, matrix and opacity out.
 */
import type { Matrix, Rect } from '../../../common/geometry';

export interface AnimationSample {
  transform: Matrix;
  opacity: number;
}

type Curve = (t: number, w: number, h: number) => { rotate?: number; tx?: number; ty?: number; scale?: number; opacity?: number };

const CURVES: Record<string, Curve> = {
  spin: (t) => ({ rotate: 2 * Math.PI * t }),
  bounce: (t) => ({ ty: -48 * Math.abs(Math.sin(Math.PI * t)) }),
  slide: (t) => ({ tx: 80 * (1 - Math.cos(2 * Math.PI * t)) }), // 0 → 160 px → 0: never leaves its box to the left
  pulse: (t) => ({ scale: 1 + 0.15 * Math.sin(2 * Math.PI * t), opacity: 0.65 + 0.35 * Math.cos(2 * Math.PI * t) }),
};

/** The layer's matrix at a point of its animation: place the layer, then animate about its centre. */
export function sampleAnimation(name: string | undefined, elapsedMs: number, durationMs: number, bounds: Rect): AnimationSample {
  const place: Matrix = [1, 0, 0, 1, bounds.x, bounds.y];
  const curve = name ? CURVES[name] : undefined;
  if (!curve) return { transform: place, opacity: 1 };
  const t = (elapsedMs % durationMs) / durationMs;
  const c = curve(t, bounds.w, bounds.h);
  const cos = Math.cos(c.rotate ?? 0) * (c.scale ?? 1);
  const sin = Math.sin(c.rotate ?? 0) * (c.scale ?? 1);
  const cx = bounds.w / 2;
  const cy = bounds.h / 2;
  // T(bounds.x + cx + tx, bounds.y + cy + ty) · R·S · T(-cx, -cy)
  const e = bounds.x + cx + (c.tx ?? 0) - (cos * cx - sin * cy);
  const f = bounds.y + cy + (c.ty ?? 0) - (sin * cx + cos * cy);
  return { transform: [cos, sin, -sin, cos, e, f], opacity: c.opacity ?? 1 };
}

/** CSS transform functions to the pixels a commit carries (main thread, at paint time). */
import type { ResolvedTransform } from '../../commit/PagePaint';
import { resolveLength, type TransformFn } from '../css/Values';

/** Percent translations refer to the element's own border box. */
export function resolveTransform(fns: TransformFn[], w: number, h: number): ResolvedTransform[] {
  return fns.map((f) =>
    f.fn === 'translate' ? { fn: 'translate', x: resolveLength(f.x, w), y: resolveLength(f.y, h) } : f,
  );
}

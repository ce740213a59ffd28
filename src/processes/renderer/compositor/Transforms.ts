/**
 * Matrix math on committed transforms (compositor thread): a layer's matrix every vsync, hit
 * testing through it, and interpolation between an animation's keyframes.
 */
import type { Matrix } from '../../../common/geometry';
import type { ResolvedTransform } from '../commit/PagePaint';

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function multiply(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[2] * b[1],
    a[1] * b[0] + a[3] * b[1],
    a[0] * b[2] + a[2] * b[3],
    a[1] * b[2] + a[3] * b[3],
    a[0] * b[4] + a[2] * b[5] + a[4],
    a[1] * b[4] + a[3] * b[5] + a[5],
  ];
}

export function translation(x: number, y: number): Matrix {
  return [1, 0, 0, 1, x, y];
}

export function invert(m: Matrix): Matrix | null {
  const det = m[0] * m[3] - m[1] * m[2];
  if (Math.abs(det) < 1e-12) return null;
  return [
    m[3] / det,
    -m[1] / det,
    -m[2] / det,
    m[0] / det,
    (m[2] * m[5] - m[3] * m[4]) / det,
    (m[1] * m[4] - m[0] * m[5]) / det,
  ];
}

export function apply(m: Matrix, x: number, y: number): { x: number; y: number } {
  return { x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] };
}

export function toMatrix(fns: ResolvedTransform[]): Matrix {
  let m = IDENTITY;
  for (const f of fns) {
    switch (f.fn) {
      case 'translate':
        m = multiply(m, translation(f.x, f.y));
        break;
      case 'rotate':
        m = multiply(m, [Math.cos(f.rad), Math.sin(f.rad), -Math.sin(f.rad), Math.cos(f.rad), 0, 0]);
        break;
      case 'scale':
        m = multiply(m, [f.x, 0, 0, f.y, 0, 0]);
        break;
      case 'skew':
        m = multiply(m, [1, Math.tan(f.y), Math.tan(f.x), 1, 0, 0]);
        break;
      case 'matrix':
        m = multiply(m, f.m);
        break;
    }
  }
  return m;
}

/**
 * Interpolates two transform lists as CSS does when their functions pair up (so a rotation
 * turns, rather than shrinking through its matrix); otherwise the matrices are blended.
 */
export function interpolateTransform(a: ResolvedTransform[], b: ResolvedTransform[], t: number): ResolvedTransform[] {
  const lerp = (x: number, y: number) => x + (y - x) * t;
  const neutral = (f: ResolvedTransform): ResolvedTransform =>
    f.fn === 'scale'
      ? { fn: 'scale', x: 1, y: 1 }
      : f.fn === 'rotate'
        ? { fn: 'rotate', rad: 0 }
        : f.fn === 'matrix'
          ? { fn: 'matrix', m: IDENTITY }
          : { ...f, x: 0, y: 0 };
  // A missing list (none) pairs with the other list's identity functions.
  const from = a.length ? a : b.map(neutral);
  const to = b.length ? b : a.map(neutral);
  if (from.length === to.length && from.every((f, i) => f.fn === to[i].fn && f.fn !== 'matrix')) {
    return from.map((f, i) => {
      const g = to[i] as typeof f;
      if (f.fn === 'rotate') return { fn: 'rotate', rad: lerp(f.rad, (g as { rad: number }).rad) };
      const h = g as { x: number; y: number };
      return { ...f, x: lerp((f as { x: number }).x, h.x), y: lerp((f as { y: number }).y, h.y) } as ResolvedTransform;
    });
  }
  const ma = toMatrix(from);
  const mb = toMatrix(to);
  return [{ fn: 'matrix', m: ma.map((v, i) => lerp(v, mb[i])) as Matrix }];
}

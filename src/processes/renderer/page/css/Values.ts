/**
 * CSS values Minium understands: lengths, colours, gradients, transforms and the animation
 * shorthand. Each parser returns null for a value it cannot read, and the declaration is then
 * ignored, as a browser ignores it.
 */
import { createCanvas } from '@napi-rs/canvas';
import type { AnimationSpec, Easing } from '../../commit/PagePaint';
import type { ColorStop, Gradient } from '../../paint/DisplayList';
import { evaluateCalc, type LinearLength } from './calc';
import { functionCalls, splitCommas } from './cssTokens';
import { type LengthContext, pxPerUnit } from './lengthUnits';

/**
 * A length: pixels, a percentage of a base known only at layout (the containing block's width …),
 * or a calc() mixing both, folded to pixels plus a percentage.
 */
export type Length = { px: number } | { pct: number } | { calc: LinearLength } | 'auto';

export type { LengthContext };

const MAX_LENGTH = 100_000;
const MAX_PERCENT = 10_000;

export function parseLength(value: string, ctx: LengthContext, allowAuto: false): Exclude<Length, 'auto'> | null;
export function parseLength(value: string, ctx: LengthContext, allowAuto?: boolean): Length | null;
export function parseLength(value: string, ctx: LengthContext, allowAuto = true): Length | null {
  const v = value.trim().toLowerCase();
  if (v === 'auto') return allowAuto ? 'auto' : null;
  if (v === '0') return { px: 0 };
  if (v.startsWith('calc(')) {
    const c = evaluateCalc(v, ctx);
    if (!c || Math.abs(c.px) > MAX_LENGTH || Math.abs(c.pct) > MAX_PERCENT) return null;
    return c.pct === 0 ? { px: c.px } : c.px === 0 ? { pct: c.pct } : { calc: c };
  }
  const m = /^(-?\d*\.?\d+)([a-z]+|%)$/.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  if (m[2] === '%') return Math.abs(n) <= MAX_PERCENT ? { pct: n } : null;
  const per = pxPerUnit(m[2], ctx);
  if (per === undefined) return null;
  const px = n * per;
  return Math.abs(px) <= MAX_LENGTH ? { px } : null;
}

/** A length in pixels given what percentages refer to (0 when that is unknown). */
export function resolveLength(l: Length, base: number | undefined, auto = 0): number {
  if (l === 'auto') return auto;
  if ('px' in l) return l.px;
  if ('pct' in l) return ((base ?? 0) * l.pct) / 100;
  return l.calc.px + ((base ?? 0) * l.calc.pct) / 100;
}

// Skia itself decides what a colour is: the same parser the raster threads will use.
let probe: ReturnType<ReturnType<typeof createCanvas>['getContext']> | null = null;

export function parseColor(value: string): string | null {
  const v = value.trim();
  if (!v || v.length > 100 || /^(inherit|initial|unset|currentcolor)$/i.test(v)) return null;
  probe ??= createCanvas(1, 1).getContext('2d');
  probe.fillStyle = '#010203';
  probe.fillStyle = v;
  const got = String(probe.fillStyle);
  if (got !== '#010203') return got;
  return /^#010203$/i.test(v) || /^rgba?\(\s*1\s*,\s*2\s*,\s*3\s*(,\s*1\s*)?\)$/i.test(v) ? got : null;
}

const SIDES: Record<string, number> = {
  top: 0,
  right: 90,
  bottom: 180,
  left: 270,
  'top right': 45,
  'right top': 45,
  'bottom right': 135,
  'right bottom': 135,
  'bottom left': 225,
  'left bottom': 225,
  'top left': 315,
  'left top': 315,
};

export function parseGradient(value: string): Gradient | null {
  const m = /^(linear|radial)-gradient\((.*)\)$/is.exec(value.trim());
  if (!m) return null;
  const args = splitCommas(m[2]).map((a) => a.trim());
  let angleDeg = 180;
  let circle = false;
  if (m[1] === 'linear') {
    const a = parseAngle(args[0]);
    const side = /^to\s+(.+)$/i.exec(args[0]);
    if (a !== null) angleDeg = a * (180 / Math.PI);
    else if (side && SIDES[side[1].toLowerCase().replace(/\s+/g, ' ')] !== undefined)
      angleDeg = SIDES[side[1].toLowerCase().replace(/\s+/g, ' ')];
    if (a !== null || side) args.shift();
  } else if (/^(circle|ellipse)\b|^at\s/i.test(args[0])) {
    circle = /^circle/i.test(args.shift()!);
  }
  const stops: ColorStop[] = [];
  for (const arg of args) {
    const sm = /^(.*?)(?:\s+(-?\d*\.?\d+)%)?$/.exec(arg)!;
    const color = parseColor(sm[1]);
    if (!color) return null;
    stops.push({ color, at: sm[2] === undefined ? null : Math.max(0, Math.min(1, Number(sm[2]) / 100)) });
  }
  if (stops.length < 2) return null;
  return m[1] === 'linear' ? { kind: 'linear', angleDeg, stops } : { kind: 'radial', circle, stops };
}

function parseAngle(v: string | undefined): number | null {
  const m = v ? /^(-?\d*\.?\d+)(deg|rad|turn|grad)$/i.exec(v.trim()) : null;
  if (!m) return v?.trim() === '0' ? 0 : null;
  const n = Number(m[1]);
  return { deg: (n * Math.PI) / 180, rad: n, turn: n * 2 * Math.PI, grad: (n * Math.PI) / 200 }[
    m[2].toLowerCase() as 'deg'
  ];
}

/** One transform function; translations may be percentages of the box, resolved at paint time. */
export type TransformFn =
  | { fn: 'translate'; x: Length; y: Length }
  | { fn: 'rotate'; rad: number }
  | { fn: 'scale'; x: number; y: number }
  | { fn: 'skew'; x: number; y: number }
  | { fn: 'matrix'; m: [number, number, number, number, number, number] };

export function parseTransform(value: string, ctx: LengthContext): TransformFn[] | null {
  const v = value.trim();
  if (v === 'none') return [];
  const calls = functionCalls(v);
  if (!calls?.length) return null;
  const out: TransformFn[] = [];
  for (const { name, args } of calls) {
    const len = (a: string | undefined) => (a === undefined ? { px: 0 } : parseLength(a, ctx, false));
    const num = (a: string | undefined) => (a !== undefined && /^-?\d*\.?\d+$/.test(a) ? Number(a) : null);
    let fn: TransformFn | null = null;
    if (name === 'translate' || name === 'translatex' || name === 'translatey') {
      const x = name === 'translatey' ? { px: 0 } : len(args[0]);
      const y = name === 'translate' ? len(args[1]) : name === 'translatey' ? len(args[0]) : { px: 0 };
      if (x && y) fn = { fn: 'translate', x, y };
    } else if (name === 'rotate') {
      const a = parseAngle(args[0]);
      if (a !== null) fn = { fn: 'rotate', rad: a };
    } else if (name === 'scale' || name === 'scalex' || name === 'scaley') {
      const x = num(args[0]);
      const y = name === 'scale' ? (args[1] === undefined ? x : num(args[1])) : x;
      if (x !== null && y !== null) fn = { fn: 'scale', x: name === 'scaley' ? 1 : x, y: name === 'scalex' ? 1 : y };
    } else if (name === 'skew' || name === 'skewx' || name === 'skewy') {
      const a = parseAngle(args[0]);
      const b = name === 'skew' ? (args[1] === undefined ? 0 : parseAngle(args[1])) : 0;
      if (a !== null && b !== null) fn = { fn: 'skew', x: name === 'skewy' ? 0 : a, y: name === 'skewy' ? a : b };
    } else if (name === 'matrix') {
      const ns = args.map(num);
      if (ns.length === 6 && ns.every((n) => n !== null))
        fn = { fn: 'matrix', m: ns as [number, number, number, number, number, number] };
    }
    if (!fn) return null;
    out.push(fn);
  }
  return out;
}

const EASINGS: Record<string, Easing> = {
  linear: 'linear',
  ease: [0.25, 0.1, 0.25, 1],
  'ease-in': [0.42, 0, 1, 1],
  'ease-out': [0, 0, 0.58, 1],
  'ease-in-out': [0.42, 0, 0.58, 1],
};

/** The `animation` shorthand (its first animation: Minium runs one animation per element). */
export function parseAnimation(value: string): AnimationSpec | null {
  const first = splitCommas(value)[0].trim();
  const spec: AnimationSpec = {
    name: '',
    durationMs: 0,
    delayMs: 0,
    easing: EASINGS.ease,
    iterations: 1,
    direction: 'normal',
    fill: 'none',
  };
  let times = 0;
  for (const token of first.match(/[\w-]+\([^)]*\)|[^\s]+/g) ?? []) {
    const t = token.toLowerCase();
    const time = /^(-?\d*\.?\d+)(ms|s)$/.exec(t);
    if (time) {
      const ms = Number(time[1]) * (time[2] === 's' ? 1000 : 1);
      if (times++ === 0) spec.durationMs = ms;
      else spec.delayMs = ms;
    } else if (EASINGS[t]) spec.easing = EASINGS[t];
    else if (/^cubic-bezier\(/.test(t)) {
      const ns = t.slice(13, -1).split(',').map(Number);
      if (ns.length !== 4 || ns.some((n) => !Number.isFinite(n))) return null;
      spec.easing = ns as [number, number, number, number];
    } else if (/^steps\(\s*\d+/.test(t)) spec.easing = { steps: Math.max(1, parseInt(t.slice(6), 10)) };
    else if (t === 'infinite') spec.iterations = Infinity;
    else if (/^\d*\.?\d+$/.test(t)) spec.iterations = Number(t);
    else if (t === 'normal' || t === 'reverse' || t === 'alternate' || t === 'alternate-reverse') spec.direction = t;
    else if (t === 'forwards' || t === 'backwards' || t === 'both') spec.fill = t;
    else if (t === 'none' && !spec.name) return null;
    else if (t === 'running' || t === 'paused') continue;
    else if (/^-?[_a-z][\w-]*$/i.test(token)) spec.name = token;
    else return null;
  }
  if (!spec.name || spec.durationMs <= 0 || spec.durationMs > 3_600_000) return null;
  return spec;
}

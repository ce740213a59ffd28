/**
 * Applies one declaration to a computed style: the table of every property Minium supports.
 * A value that does not parse changes nothing; unknown properties are ignored.
 */
import type { ComputedStyle, Display } from './ComputedStyle';
import { initialStyle } from './ComputedStyle';
import type { Declaration } from './CssParser';
import {
  type Length,
  type LengthContext,
  parseAnimation,
  parseColor,
  parseGradient,
  parseLength,
  parseTransform,
  resolveLength,
} from './Values';

type Setter = (s: ComputedStyle, v: string, ctx: LengthContext) => void;
const EDGES = ['top', 'right', 'bottom', 'left'] as const;
const FONT_SIZES: Record<string, number> = {
  'xx-small': 9,
  'x-small': 10,
  small: 13,
  medium: 16,
  large: 18,
  'x-large': 24,
  'xx-large': 32,
};

/**
 * A length's number, px or percent alike, for sign checks; auto and calc() count as 0 (CSS clamps a
 * calc, never rejects it).
 */
function amount(l: Length): number {
  return l === 'auto' ? 0 : 'px' in l ? l.px : 'pct' in l ? l.pct : 0;
}

function oneOf<T extends string>(v: string, options: readonly T[]): T | null {
  const l = v.toLowerCase() as T;
  return options.includes(l) ? l : null;
}

function keyword<K extends keyof ComputedStyle>(key: K, options: readonly string[]): Setter {
  return (s, v) => {
    const k = oneOf(v, options);
    if (k !== null) (s as unknown as Record<string, unknown>)[key] = k;
  };
}

function length<K extends keyof ComputedStyle>(key: K, allowAuto = true, nonNegative = true): Setter {
  return (s, v, ctx) => {
    const l = parseLength(v, ctx, allowAuto);
    if (l && !(nonNegative && amount(l) < 0)) (s as unknown as Record<string, unknown>)[key] = l;
  };
}

/** 1 to 4 values → top, right, bottom, left, as in `margin: 4px 8px`. */
function fourSides<T>(values: T[]): [T, T, T, T] | null {
  const [a, b = a, c = a, d = b] = values;
  return values.length >= 1 && values.length <= 4 ? [a, b, c, d] : null;
}

function edges(key: 'margin' | 'padding'): Setter {
  return (s, v, ctx) => {
    const parts = v.split(/\s+/).map((p) => parseLength(p, ctx, key === 'margin'));
    if (parts.some((p) => p === null || (key === 'padding' && amount(p) < 0))) return;
    const four = fourSides(parts as Length[]);
    if (four) s[key] = four;
  };
}

function edge(key: 'margin' | 'padding' | 'inset', i: number): Setter {
  return (s, v, ctx) => {
    const l = parseLength(v, ctx, key !== 'padding');
    if (l) s[key][i] = l;
  };
}

function borderWidth(v: string, ctx: LengthContext): number | null {
  const named = { thin: 1, medium: 3, thick: 5 }[v.toLowerCase()];
  if (named) return named;
  const l = parseLength(v, ctx, false);
  return l && 'px' in l && l.px >= 0 ? l.px : null;
}

/** `border: 1px solid red` (any order); `none` clears it. */
function border(sides: number[]): Setter {
  return (s, v, ctx) => {
    let width = 3;
    let color = s.color;
    let style: string | null = null;
    for (const part of v.split(/\s+(?![^(]*\))/)) {
      const w = borderWidth(part, ctx);
      const c = parseColor(part);
      if (/^(none|hidden)$/i.test(part)) style = 'none';
      else if (/^(solid|dashed|dotted|double|groove|ridge|inset|outset)$/i.test(part)) style = 'solid';
      else if (w !== null) width = w;
      else if (c) color = c;
      else return;
    }
    for (const i of sides) {
      s.borderWidth[i] = style === 'solid' ? width : 0;
      s.borderColor[i] = color;
    }
  };
}

function display(s: ComputedStyle, v: string): void {
  const d = oneOf(v, [
    'block',
    'inline',
    'inline-block',
    'flex',
    'inline-flex',
    'list-item',
    'none',
    'grid',
    'table',
    'table-row',
    'table-cell',
    'contents',
  ] as const);
  if (!d) return;
  // Unsupported layout modes degrade to the closest one Minium has.
  const mapped: Record<string, Display> = {
    grid: 'block',
    table: 'block',
    'table-row': 'flex',
    'table-cell': 'inline-block',
    contents: 'inline',
  };
  s.display = mapped[d] ?? (d as Display);
}

function background(s: ComputedStyle, v: string): void {
  const gradient = parseGradient(v);
  if (gradient) {
    s.backgroundImage = gradient;
    return;
  }
  if (/^none$/i.test(v)) {
    s.backgroundImage = null;
    s.backgroundColor = null;
    return;
  }
  const color = parseColor(v) ?? parseColor(v.split(/\s+(?![^(]*\))/).pop() ?? '');
  if (color) {
    s.backgroundColor = color;
    s.backgroundImage = null;
  }
}

function fontSize(s: ComputedStyle, v: string, ctx: LengthContext): void {
  const named = FONT_SIZES[v.toLowerCase()];
  if (named) {
    s.fontSize = named;
    return;
  }
  const l = parseLength(v, ctx, false);
  if (!l) return;
  const px = resolveLength(l, ctx.fontSize);
  if (px > 0 && px <= 1000) s.fontSize = px;
}

function fontWeight(s: ComputedStyle, v: string): void {
  if (/^(bold|bolder)$/i.test(v) || Number(v) >= 600) s.bold = true;
  else if (/^(normal|lighter)$/i.test(v) || Number(v) > 0) s.bold = false;
}

function flex(s: ComputedStyle, v: string, ctx: LengthContext): void {
  const parts = v.trim().toLowerCase().split(/\s+/);
  if (parts[0] === 'none') Object.assign(s, { flexGrow: 0, flexShrink: 0, flexBasis: 'auto' });
  else if (parts[0] === 'auto') Object.assign(s, { flexGrow: 1, flexShrink: 1, flexBasis: 'auto' });
  else if (/^\d*\.?\d+$/.test(parts[0])) {
    s.flexGrow = Number(parts[0]);
    s.flexShrink = parts[1] && /^\d*\.?\d+$/.test(parts[1]) ? Number(parts[1]) : 1;
    const basis = parts.length > 1 ? parseLength(parts[parts.length - 1], ctx) : { px: 0 };
    s.flexBasis = basis ?? { px: 0 };
  }
}

function gap(keys: ('rowGap' | 'columnGap')[]): Setter {
  return (s, v, ctx) => {
    const parts = v.split(/\s+/).map((p) => parseLength(p, ctx, false));
    if (parts.some((p) => !p || !('px' in p))) return;
    keys.forEach((k, i) => (s[k] = (parts[Math.min(i, parts.length - 1)] as { px: number }).px));
  };
}

const SETTERS: Record<string, Setter> = {
  display,
  position: keyword('position', ['static', 'relative', 'absolute']),
  top: edge('inset', 0),
  right: edge('inset', 1),
  bottom: edge('inset', 2),
  left: edge('inset', 3),
  color: (s, v) => {
    const c = parseColor(v);
    if (c) s.color = c;
  },
  background,
  'background-color': (s, v) => {
    const c = parseColor(v);
    if (c) s.backgroundColor = c;
  },
  'background-image': (s, v) => {
    if (/^none$/i.test(v)) s.backgroundImage = null;
    else s.backgroundImage = parseGradient(v) ?? s.backgroundImage;
  },
  'font-size': fontSize,
  'font-weight': fontWeight,
  'font-style': (s, v) => {
    if (/^(italic|oblique|normal)$/i.test(v)) s.italic = !/^normal$/i.test(v);
  },
  'font-family': (s, v) => {
    s.monospace =
      /monospace|mono|courier|consolas/i.test(v.split(',')[0]) || /^\s*monospace\s*$/i.test(v.split(',').pop() ?? '');
  },
  font: (s, v, ctx) => {
    // `font: bold 14px/1.5 sans-serif`: style and weight words, then size[/line-height], then family.
    const m = /^((?:[\w-]+\s+)*?)(\d*\.?\d+(?:px|em|rem|%|pt))(?:\/(\S+))?\s+(.+)$/i.exec(v.trim());
    if (!m) return;
    for (const w of m[1].trim().split(/\s+/).filter(Boolean)) {
      fontWeight(s, w);
      if (/^italic$/i.test(w)) s.italic = true;
    }
    fontSize(s, m[2], ctx);
    if (m[3]) SETTERS['line-height'](s, m[3], { ...ctx, fontSize: s.fontSize });
    SETTERS['font-family'](s, m[4], ctx);
  },
  'line-height': (s, v, ctx) => {
    if (/^normal$/i.test(v)) s.lineHeight = null;
    else if (/^\d*\.?\d+$/.test(v)) s.lineHeight = Number(v) * s.fontSize;
    else {
      const l = parseLength(v, { ...ctx, fontSize: s.fontSize }, false);
      if (l) s.lineHeight = resolveLength(l, s.fontSize);
    }
  },
  'text-align': (s, v) => {
    const k = oneOf(v, ['left', 'center', 'right', 'start', 'end', 'justify'] as const);
    if (k) s.textAlign = k === 'right' || k === 'end' ? 'right' : k === 'center' ? 'center' : 'left';
  },
  'white-space': keyword('whiteSpace', ['normal', 'pre', 'nowrap', 'pre-wrap']),
  'text-decoration': (s, v) => {
    const k = /underline|line-through|none/i.exec(v)?.[0].toLowerCase();
    if (k) s.textDecoration = k as ComputedStyle['textDecoration'];
  },
  'text-decoration-line': (s, v) => SETTERS['text-decoration'](s, v, {} as LengthContext),
  visibility: keyword('visibility', ['visible', 'hidden']),
  'list-style-type': keyword('listStyle', ['disc', 'decimal', 'none']),
  'list-style': (s, v) => {
    const k = /\b(disc|decimal|none)\b/i.exec(v)?.[1].toLowerCase();
    if (k) s.listStyle = k as ComputedStyle['listStyle'];
  },
  width: length('width'),
  height: length('height'),
  'min-width': length('minWidth'),
  'min-height': length('minHeight'),
  'max-width': length('maxWidth'),
  'max-height': length('maxHeight'),
  'box-sizing': keyword('boxSizing', ['content-box', 'border-box']),
  margin: edges('margin'),
  padding: edges('padding'),
  border: border([0, 1, 2, 3]),
  'border-width': (s, v, ctx) => {
    const ws = v.split(/\s+/).map((p) => borderWidth(p, ctx));
    const four = ws.every((w) => w !== null) ? fourSides(ws as number[]) : null;
    if (four) s.borderWidth = four;
  },
  'border-color': (s, v) => {
    const cs = v.split(/\s+(?![^(]*\))/).map(parseColor);
    const four = cs.every(Boolean) ? fourSides(cs as string[]) : null;
    if (four) s.borderColor = four;
  },
  'border-style': (s, v) => {
    if (/^(none|hidden)$/i.test(v.trim())) s.borderWidth = [0, 0, 0, 0];
  },
  'border-radius': (s, v, ctx) => {
    const l = parseLength(v.split(/[\s/]+/)[0], ctx, false);
    if (l && 'px' in l && l.px >= 0) s.borderRadius = l.px;
    else if (l && 'pct' in l) s.borderRadius = l.pct >= 50 ? 1e6 : l.pct; // 50 % makes a circle: clamped at paint time
  },
  'flex-direction': keyword('flexDirection', ['row', 'column', 'row-reverse', 'column-reverse']),
  'flex-wrap': keyword('flexWrap', ['nowrap', 'wrap']),
  'flex-flow': (s, v) =>
    v
      .split(/\s+/)
      .forEach(
        (p) => (SETTERS['flex-direction'](s, p, {} as LengthContext), SETTERS['flex-wrap'](s, p, {} as LengthContext)),
      ),
  'justify-content': (s, v) =>
    keyword('justifyContent', ['flex-start', 'flex-end', 'center', 'space-between', 'space-around', 'space-evenly'])(
      s,
      v.replace(/^(start|left)$/, 'flex-start').replace(/^(end|right)$/, 'flex-end'),
      {} as LengthContext,
    ),
  'align-items': (s, v) =>
    keyword('alignItems', ['stretch', 'flex-start', 'flex-end', 'center', 'baseline'])(
      s,
      v.replace(/^start$/, 'flex-start').replace(/^end$/, 'flex-end'),
      {} as LengthContext,
    ),
  'align-self': keyword('alignSelf', ['auto', 'stretch', 'flex-start', 'flex-end', 'center', 'baseline']),
  flex,
  'flex-grow': (s, v) => /^\d*\.?\d+$/.test(v) && (s.flexGrow = Number(v)),
  'flex-shrink': (s, v) => /^\d*\.?\d+$/.test(v) && (s.flexShrink = Number(v)),
  'flex-basis': length('flexBasis'),
  gap: gap(['rowGap', 'columnGap']),
  'row-gap': gap(['rowGap']),
  'column-gap': gap(['columnGap']),
  'grid-gap': gap(['rowGap', 'columnGap']),
  overflow: (s, v) =>
    keyword('overflow', ['visible', 'hidden', 'scroll', 'auto'])(s, v.split(/\s+/).pop()!, {} as LengthContext),
  'overflow-y': keyword('overflow', ['visible', 'hidden', 'scroll', 'auto']),
  transform: (s, v, ctx) => {
    const t = parseTransform(v, ctx);
    if (t) s.transform = t;
  },
  opacity: (s, v) => {
    const m = /^(\d*\.?\d+)(%?)$/.exec(v.trim());
    if (m) s.opacity = Math.max(0, Math.min(1, Number(m[1]) / (m[2] ? 100 : 1)));
  },
  animation: (s, v) => {
    if (/^none$/i.test(v.trim())) s.animation = null;
    else s.animation = parseAnimation(v) ?? s.animation;
  },
  'will-change': (s, v) => (s.willChange = /transform|opacity/i.test(v)),
};
for (const [i, side] of EDGES.entries()) {
  SETTERS[`margin-${side}`] = edge('margin', i);
  SETTERS[`padding-${side}`] = (s, v, ctx) => {
    const l = parseLength(v, ctx, false);
    if (l && amount(l) >= 0) s.padding[i] = l;
  };
  SETTERS[`border-${side}`] = border([i]);
  SETTERS[`border-${side}-width`] = (s, v, ctx) => {
    const w = borderWidth(v, ctx);
    if (w !== null) s.borderWidth[i] = w;
  };
  SETTERS[`border-${side}-color`] = (s, v) => {
    const c = parseColor(v);
    if (c) s.borderColor[i] = c;
  };
}

export function applyDeclaration(
  style: ComputedStyle,
  parent: ComputedStyle,
  d: Declaration,
  ctx: LengthContext,
): void {
  const v = d.value.trim();
  const lower = v.toLowerCase();
  if (lower === 'inherit' || lower === 'initial' || lower === 'unset') {
    const source = lower === 'inherit' ? parent : initialStyle();
    const key = camel(d.property) as keyof ComputedStyle;
    if (key in source) (style as unknown as Record<string, unknown>)[key] = structuredClone(source[key]);
    return;
  }
  SETTERS[d.property]?.(style, v, ctx);
}

function camel(p: string): string {
  return p.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

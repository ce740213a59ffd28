/**
 * Inline formatting: breaks styled text and atomic inlines (inline-blocks, buttons, plugins)
 * into line boxes of a given width, as a block's inline content is laid out. Whitespace follows
 * `white-space`; a word longer than the line overflows it rather than being split, as in CSS.
 * Pure except for text measurement, which the caller provides (Skia on the main thread).
 */
import { type ComputedStyle, fontOf, lineHeightOf } from '../css/ComputedStyle';
import type { Element } from '../dom/Dom';

export type Measure = (text: string, font: string) => number;

export type InlineItem =
  | { kind: 'text'; text: string; style: ComputedStyle; el: Element }
  | { kind: 'atomic'; el: Element; style: ComputedStyle; size: (available: number) => { w: number; h: number } }
  | { kind: 'break' };

export interface TextFragment {
  kind: 'text';
  x: number;
  /** Top of the line box the fragment sits in, and its baseline. */
  top: number;
  baseline: number;
  w: number;
  h: number;
  text: string;
  style: ComputedStyle;
  el: Element;
}

export interface AtomicFragment {
  kind: 'atomic';
  x: number;
  y: number;
  w: number;
  h: number;
  el: Element;
  itemIndex: number;
}

export type Fragment = TextFragment | AtomicFragment;

export interface InlineResult {
  width: number;
  height: number;
  fragments: Fragment[];
  /** Baseline of the first line, for list markers. */
  firstBaseline: number;
}

interface Piece {
  text: string;
  width: number;
  /** A collapsible space before the piece (dropped at the start of a line). */
  spaceBefore: number;
  style: ComputedStyle | null;
  el: Element | null;
  atomic?: { index: number; h: number };
  forcedBreak?: boolean;
  wraps: boolean;
}

// DejaVu Sans: ascent 0.928 em, descent 0.236 em.
const ASCENT = 0.928;
const DESCENT = 0.236;

export class InlineLayout {
  private readonly widths = new Map<string, number>();

  constructor(private readonly measure: Measure) {}

  private width(text: string, font: string): number {
    const key = `${font}\u0000${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.measure(text, font);
      if (this.widths.size > 200_000) this.widths.clear();
      this.widths.set(key, w);
    }
    return w;
  }

  layout(items: InlineItem[], container: ComputedStyle, available: number): InlineResult {
    const pieces = this.pieces(items, available);
    const lines: Piece[][] = [[]];
    let x = 0;
    for (const p of pieces) {
      const line = lines[lines.length - 1];
      if (p.forcedBreak) {
        lines.push([]);
        x = 0;
        continue;
      }
      const space = line.length ? p.spaceBefore : 0;
      if (line.length && p.wraps && x + space + p.width > available + 0.01) {
        lines.push([{ ...p, spaceBefore: 0 }]);
        x = p.width;
        continue;
      }
      line.push(line.length ? p : { ...p, spaceBefore: 0 });
      x += space + p.width;
    }
    return this.place(lines, container, available);
  }

  private pieces(items: InlineItem[], available: number): Piece[] {
    const out: Piece[] = [];
    let pendingSpace = false;
    items.forEach((item, index) => {
      if (item.kind === 'break') {
        out.push({ text: '', width: 0, spaceBefore: 0, style: null, el: null, forcedBreak: true, wraps: true });
        pendingSpace = false;
        return;
      }
      if (item.kind === 'atomic') {
        const size = item.size(available);
        out.push({
          text: '',
          width: size.w,
          spaceBefore: pendingSpace ? this.width(' ', fontOf(item.style)) : 0,
          style: item.style,
          el: item.el,
          atomic: { index, h: size.h },
          wraps: true,
        });
        pendingSpace = false;
        return;
      }
      const font = fontOf(item.style);
      const spaceWidth = this.width(' ', font);
      const ws = item.style.whiteSpace;
      if (ws === 'pre' || ws === 'pre-wrap') {
        item.text
          .replace(/\t/g, '        ')
          .split('\n')
          .forEach((line, i) => {
            if (i > 0)
              out.push({ text: '', width: 0, spaceBefore: 0, style: null, el: null, forcedBreak: true, wraps: true });
            const words = ws === 'pre' ? [line] : line.split(/(?<= )/);
            for (const w of words)
              if (w)
                out.push({
                  text: w,
                  width: this.width(w, font),
                  spaceBefore: 0,
                  style: item.style,
                  el: item.el,
                  wraps: ws === 'pre-wrap',
                });
          });
        pendingSpace = false;
        return;
      }
      const words = item.text.split(/[ \t\n\r\f]+/);
      words.forEach((w, i) => {
        if (i > 0) pendingSpace = true;
        if (!w) return;
        out.push({
          text: w,
          width: this.width(w, font),
          spaceBefore: pendingSpace ? spaceWidth : 0,
          style: item.style,
          el: item.el,
          wraps: ws !== 'nowrap',
        });
        pendingSpace = false;
      });
    });
    return out;
  }

  private place(lines: Piece[][], container: ComputedStyle, available: number): InlineResult {
    const fragments: Fragment[] = [];
    let top = 0;
    let width = 0;
    let firstBaseline = 0;
    const strut = metrics(container);
    for (const [li, line] of lines.entries()) {
      if (!line.length && li === lines.length - 1 && li > 0) break;
      if (!line.length && lines.length === 1) break;
      let ascent = strut.ascent;
      let descent = strut.descent;
      for (const p of line) {
        if (p.atomic) ascent = Math.max(ascent, p.atomic.h);
        else if (p.style) {
          const m = metrics(p.style);
          ascent = Math.max(ascent, m.ascent);
          descent = Math.max(descent, m.descent);
        }
      }
      const lineWidth = line.reduce((s, p) => s + p.spaceBefore + p.width, 0);
      width = Math.max(width, lineWidth);
      const free = Number.isFinite(available) ? available - lineWidth : 0;
      let x = container.textAlign === 'center' ? free / 2 : container.textAlign === 'right' ? free : 0;
      const baseline = top + ascent;
      if (li === 0) firstBaseline = baseline;
      let run: TextFragment | null = null;
      for (const p of line) {
        x += p.spaceBefore;
        if (p.atomic) {
          fragments.push({
            kind: 'atomic',
            x,
            y: baseline - p.atomic.h,
            w: p.width,
            h: p.atomic.h,
            el: p.el!,
            itemIndex: p.atomic.index,
          });
          run = null;
        } else if (p.style && p.text) {
          // Words of one element on one line become one fragment: fewer items to paint.
          if (run && run.style === p.style && run.el === p.el) {
            run.text += (p.spaceBefore ? ' ' : '') + p.text;
            run.w = x + p.width - run.x;
          } else {
            const m = metrics(p.style);
            run = {
              kind: 'text',
              x,
              top: baseline - m.ascent,
              baseline,
              w: p.width,
              h: m.ascent + m.descent,
              text: p.text,
              style: p.style,
              el: p.el!,
            };
            fragments.push(run);
          }
        }
        x += p.width;
      }
      top = baseline + descent;
    }
    return { width, height: top, fragments, firstBaseline };
  }
}

/** Where a font's baseline sits in its line-height box: half the leading above, then the ascent. */
function metrics(s: ComputedStyle): { ascent: number; descent: number } {
  const lh = lineHeightOf(s);
  const half = (lh - (ASCENT + DESCENT) * s.fontSize) / 2;
  return { ascent: half + ASCENT * s.fontSize, descent: lh - half - ASCENT * s.fontSize };
}

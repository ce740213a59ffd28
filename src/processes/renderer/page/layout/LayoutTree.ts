/**
 * Builds the box tree of a styled document and lays it out: blocks and flex containers with
 * Yoga (Meta's flexbox engine; a block is a column that stretches its children), inline content
 * with InlineLayout. Adjacent vertical margins collapse as in CSS block flow, and a block's
 * first and last child margins collapse through it when nothing separates them.
 *
 * Elements nested deeper than 128 levels are laid out as siblings at that depth, as Blink's
 * parser flattens them at 512: Yoga's WebAssembly stack overflows at about 180 levels (and is
 * unusable after that), so Minium's limit is lower. Recursion here is bounded by it.
 */
import Yoga, {
  Align,
  Direction,
  Edge,
  FlexDirection,
  Gutter,
  Justify,
  Overflow,
  PositionType,
  Wrap,
} from 'yoga-layout/sync';
import type { ComputedStyle } from '../css/ComputedStyle';
import { resolveLength, type Length } from '../css/Values';
import { attr, type Element, isElement, isText, type Node } from '../dom/Dom';
import { type InlineItem, InlineLayout, type InlineResult, type Measure } from './InlineLayout';

type YogaNode = ReturnType<typeof Yoga.Node.create>;

export const MAX_LAYOUT_DEPTH = 128;
export const PLUGIN_TYPE_PREFIX = 'application/x-minium-';

export interface Box {
  kind: 'block' | 'inline' | 'replaced';
  /** The element, or null for an anonymous block wrapping inline content. */
  el: Element | null;
  style: ComputedStyle;
  children: Box[];
  /** Inline content (kind 'inline'): its items; atomic items point at boxes in `atomics`. */
  items: InlineItem[];
  atomics: Map<number, Box>;
  inline: InlineResult | null;
  /** The width `inline` was laid out for. */
  inlineWidth?: number;
  /** Border box in document coordinates, after layout. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Resolved margins [top, right, bottom, left], after collapsing. */
  margin: [number, number, number, number];
  padding: [number, number, number, number];
  yoga: YogaNode | null;
  /** For a list item: its marker text. */
  marker?: string;
}

export type StyleOf = (el: Element) => ComputedStyle | null;

export class LayoutTree {
  private readonly inlineLayout: InlineLayout;

  constructor(measure: Measure) {
    this.inlineLayout = new InlineLayout(measure);
  }

  /** Lays out the document under `root` (the html element) for a viewport width. */
  layout(root: Element, styleOf: StyleOf, viewport: { w: number; h: number }): Box {
    const box = this.build(root, styleOf, 0);
    if (!box) throw new Error('the document has no visible root element');
    collapseMargins(box);
    const node = this.yogaFor(box, viewport.w, false);
    try {
      node.setWidth(viewport.w);
      node.calculateLayout(viewport.w, undefined, Direction.LTR);
      this.read(box, 0, 0);
    } finally {
      node.freeRecursive();
    }
    return box;
  }

  // --- box tree ---------------------------------------------------------------------------

  private build(el: Element, styleOf: StyleOf, depth: number): Box | null {
    const style = styleOf(el);
    if (!style || style.display === 'none') return null;
    if (isReplaced(el)) return newBox('replaced', el, style);
    const box = newBox('block', el, style);
    let inline: Box | null = null;
    const flushInline = () => {
      if (
        inline &&
        inline.items.some((i) => i.kind !== 'text' || /\S/.test(i.text) || i.style.whiteSpace.startsWith('pre'))
      )
        box.children.push(inline);
      inline = null;
    };
    const inlineBox = () => (inline ??= newBox('inline', null, style));
    // Inline descendants are flattened into items; block descendants become child boxes.
    const walk = (parent: Element, parentStyle: ComputedStyle, d: number) => {
      for (const child of parent.childNodes)
        this.addChild(child, parentStyle, styleOf, d, box, walk, inlineBox, flushInline);
    };
    walk(el, style, depth);
    flushInline();
    if (style.display === 'list-item' && style.listStyle !== 'none') {
      const index = el.parentNode
        ? el.parentNode.childNodes.filter((n) => isElement(n) && n.tagName === 'li').indexOf(el)
        : 0;
      box.marker = style.listStyle === 'decimal' ? `${index + 1}.` : '•';
    }
    return box;
  }

  private addChild(
    child: Node,
    parentStyle: ComputedStyle,
    styleOf: StyleOf,
    depth: number,
    box: Box,
    walk: (el: Element, s: ComputedStyle, d: number) => void,
    inlineBox: () => Box,
    flushInline: () => void,
  ): void {
    if (isText(child)) {
      inlineBox().items.push({ kind: 'text', text: child.value, style: parentStyle, el: child.parentNode as Element });
      return;
    }
    if (!isElement(child)) return;
    if (depth >= MAX_LAYOUT_DEPTH) return this.addFlattened(child, styleOf, box, inlineBox, flushInline);
    if (child.tagName === 'br') {
      inlineBox().items.push({ kind: 'break' });
      return;
    }
    const style = styleOf(child);
    if (!style || style.display === 'none') return;
    const d = style.display;
    if (d === 'inline' && !isReplaced(child) && depth < MAX_LAYOUT_DEPTH) {
      walk(child, style, depth + 1);
      return;
    }
    const sub = this.build(child, styleOf, depth + 1);
    if (!sub) return;
    const atomic = d === 'inline-block' || d === 'inline-flex' || d === 'inline' || isReplaced(child);
    if (atomic && box.style.display !== 'flex' && box.style.display !== 'inline-flex') {
      const ib = inlineBox();
      const index = ib.items.length;
      ib.atomics.set(index, sub);
      ib.items.push({ kind: 'atomic', el: child, style, size: (available) => this.sizeAtomic(sub, available) });
      return;
    }
    flushInline();
    box.children.push(sub);
  }

  /** Below the depth limit every descendant becomes a childless sibling, in document order, without recursion. */
  private addFlattened(root: Element, styleOf: StyleOf, box: Box, inlineBox: () => Box, flushInline: () => void): void {
    const stack: Node[] = [root];
    while (stack.length) {
      const n = stack.pop()!;
      if (isText(n)) {
        const parentStyle = styleOf(n.parentNode as Element) ?? box.style;
        inlineBox().items.push({ kind: 'text', text: n.value, style: parentStyle, el: n.parentNode as Element });
        continue;
      }
      if (!isElement(n)) continue;
      const style = styleOf(n);
      if (!style || style.display === 'none') continue;
      if (style.display !== 'inline') {
        flushInline();
        box.children.push(newBox(isReplaced(n) ? 'replaced' : 'block', n, style));
      }
      for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]);
    }
  }

  /** Shrink-to-fit size of an inline-block: its max-content width, at most the line's width. */
  private sizeAtomic(box: Box, available: number): { w: number; h: number } {
    const node = this.yogaFor(box, available, true);
    try {
      node.calculateLayout(undefined, undefined, Direction.LTR);
      let w = node.getComputedWidth();
      if (w > available) {
        node.calculateLayout(available, undefined, Direction.LTR);
        w = node.getComputedWidth();
      }
      const [mt, mr, mb, ml] = box.margin;
      return { w: w + ml + mr, h: node.getComputedHeight() + mt + mb };
    } finally {
      node.freeRecursive();
    }
  }

  // --- Yoga -------------------------------------------------------------------------------

  private yogaFor(box: Box, containerWidth: number, isRoot: boolean): YogaNode {
    const node = Yoga.Node.create();
    box.yoga = node;
    const s = box.style;
    const pct = (l: Length) => resolveLength(l, containerWidth);
    if (box.el) {
      box.padding = [pct(s.padding[0]), pct(s.padding[1]), pct(s.padding[2]), pct(s.padding[3])];
      this.applyBoxStyle(node, box, containerWidth, isRoot);
    }
    if (box.kind === 'inline') {
      node.setMeasureFunc((width, mode) => {
        const available = mode === 0 /* Undefined */ ? Infinity : width;
        const r = this.layoutInline(box, available);
        return { width: mode === 1 /* Exactly */ ? width : Math.ceil(r.width), height: r.height };
      });
      return node;
    }
    if (box.kind === 'replaced') return node;
    const flex = s.display === 'flex' || s.display === 'inline-flex';
    node.setFlexDirection(
      flex
        ? {
            row: FlexDirection.Row,
            column: FlexDirection.Column,
            'row-reverse': FlexDirection.RowReverse,
            'column-reverse': FlexDirection.ColumnReverse,
          }[s.flexDirection]
        : FlexDirection.Column,
    );
    if (flex) {
      node.setFlexWrap(s.flexWrap === 'wrap' ? Wrap.Wrap : Wrap.NoWrap);
      node.setJustifyContent(
        {
          'flex-start': Justify.FlexStart,
          'flex-end': Justify.FlexEnd,
          center: Justify.Center,
          'space-between': Justify.SpaceBetween,
          'space-around': Justify.SpaceAround,
          'space-evenly': Justify.SpaceEvenly,
        }[s.justifyContent],
      );
      node.setAlignItems(ALIGN[s.alignItems]);
      node.setGap(Gutter.Row, s.rowGap);
      node.setGap(Gutter.Column, s.columnGap);
    } else if (box.el?.tagName === 'button') {
      // A button centres its label vertically, and is as wide as its label unless told otherwise.
      node.setJustifyContent(Justify.Center);
      node.setAlignItems(Align.Stretch);
    } else {
      node.setAlignItems(Align.Stretch);
    }
    const innerWidth = resolveLength(s.width, containerWidth, containerWidth);
    box.children.forEach((child, i) => {
      const c = this.yogaFor(child, innerWidth, false);
      if (flex) {
        c.setFlexGrow(child.el ? child.style.flexGrow : 0);
        c.setFlexShrink(child.el ? child.style.flexShrink : 1);
        const basis = child.style.flexBasis;
        if (child.el && basis !== 'auto') c.setFlexBasis(yogaLength(basis, innerWidth));
        if (child.el && child.style.alignSelf !== 'auto') c.setAlignSelf(ALIGN[child.style.alignSelf]);
      } else {
        c.setFlexShrink(0);
        if (child.el?.tagName === 'button' && child.style.width === 'auto') c.setAlignSelf(Align.FlexStart);
      }
      node.insertChild(c, i);
    });
    return node;
  }

  private applyBoxStyle(node: YogaNode, box: Box, containerWidth: number, isRoot: boolean): void {
    const s = box.style;
    const [pt, pr, pb, pl] = box.padding;
    const [bt, br, bb, bl] = s.borderWidth;
    node.setPadding(Edge.Top, pt);
    node.setPadding(Edge.Right, pr);
    node.setPadding(Edge.Bottom, pb);
    node.setPadding(Edge.Left, pl);
    node.setBorder(Edge.Top, bt);
    node.setBorder(Edge.Right, br);
    node.setBorder(Edge.Bottom, bb);
    node.setBorder(Edge.Left, bl);
    [Edge.Top, Edge.Right, Edge.Bottom, Edge.Left].forEach((edge, i) => {
      const m = s.margin[i];
      if (isRoot) return; // an inline-block's margins are added around it in its line
      if (m === 'auto') node.setMarginAuto(edge);
      else node.setMargin(edge, i === 0 || i === 2 ? box.margin[i] : resolveLength(m, containerWidth));
    });
    // Yoga sizes border boxes; CSS's default content-box adds padding and border to width and height.
    const extraW = s.boxSizing === 'content-box' ? pl + pr + bl + br : 0;
    const extraH = s.boxSizing === 'content-box' ? pt + pb + bt + bb : 0;
    // Heights give a calc()'s percentage no base: Minium does not know the container's height here.
    const size = (l: Length, extra: number, base: number) => {
      if (l === 'auto') return undefined;
      const v = yogaLength(l, base);
      return typeof v === 'number' ? v + extra : v;
    };
    const w = size(s.width, extraW, containerWidth);
    const h = size(s.height, extraH, 0);
    if (box.kind === 'replaced') {
      const attrSize = (name: string, fallback: number) => Number(attr(box.el!, name)) || fallback;
      node.setWidth(w ?? Math.min(attrSize('width', 300), 4000) + extraW);
      node.setHeight(h ?? Math.min(attrSize('height', 150), 4000) + extraH);
    } else {
      if (w !== undefined) node.setWidth(w);
      if (h !== undefined) node.setHeight(h);
    }
    const min = (l: Length, extra: number, base: number, set: (v: number | `${number}%`) => void) => {
      const v = size(l, extra, base);
      if (v !== undefined) set(v);
    };
    min(s.minWidth, extraW, containerWidth, (v) => node.setMinWidth(v));
    min(s.minHeight, extraH, 0, (v) => node.setMinHeight(v));
    min(s.maxWidth, extraW, containerWidth, (v) => node.setMaxWidth(v));
    min(s.maxHeight, extraH, 0, (v) => node.setMaxHeight(v));
    if (s.position !== 'static') {
      node.setPositionType(s.position === 'absolute' ? PositionType.Absolute : PositionType.Relative);
      [Edge.Top, Edge.Right, Edge.Bottom, Edge.Left].forEach((edge, i) => {
        const l = s.inset[i];
        if (l !== 'auto') node.setPosition(edge, yogaLength(l, containerWidth));
      });
    }
    if (s.overflow !== 'visible') node.setOverflow(s.overflow === 'hidden' ? Overflow.Hidden : Overflow.Scroll);
  }

  /** Yoga may measure the same text at the same width more than once: the last answer is kept. */
  private layoutInline(box: Box, available: number): InlineResult {
    if (box.inline && box.inlineWidth === available) return box.inline;
    box.inline = this.inlineLayout.layout(box.items, box.style, available);
    box.inlineWidth = available;
    return box.inline;
  }

  /** Reads Yoga's results into document coordinates, and lays inline content out at its final width. */
  private read(box: Box, parentX: number, parentY: number): void {
    const node = box.yoga!;
    const l = node.getComputedLayout();
    box.x = parentX + l.left;
    box.y = parentY + l.top;
    box.w = l.width;
    box.h = l.height;
    box.yoga = null;
    if (box.kind === 'inline') {
      for (const f of this.layoutInline(box, l.width).fragments) {
        if (f.kind !== 'atomic') continue;
        const sub = box.atomics.get(f.itemIndex)!;
        const sn = this.yogaFor(sub, f.w, true);
        try {
          sn.calculateLayout(f.w - sub.margin[1] - sub.margin[3], undefined, Direction.LTR);
          this.read(sub, box.x + f.x + sub.margin[3], box.y + f.y + sub.margin[0]);
        } finally {
          sn.freeRecursive();
        }
      }
      return;
    }
    for (const child of box.children) this.read(child, box.x, box.y);
  }
}

const ALIGN = {
  auto: Align.Auto,
  stretch: Align.Stretch,
  'flex-start': Align.FlexStart,
  'flex-end': Align.FlexEnd,
  center: Align.Center,
  baseline: Align.Baseline,
};

/**
 * A length as Yoga takes it: pixels or a percentage it resolves itself. Yoga has no calc(), so a
 * calc() mixing both is resolved here against `base`, what its percentage refers to.
 */
function yogaLength(l: Exclude<Length, 'auto'>, base: number): number | `${number}%` {
  if ('px' in l) return l.px;
  if ('pct' in l) return `${l.pct}%`;
  return resolveLength(l, base);
}

function newBox(kind: Box['kind'], el: Element | null, style: ComputedStyle): Box {
  const px = (l: Length) => (l !== 'auto' && 'px' in l ? l.px : 0);
  return {
    kind,
    el,
    style,
    children: [],
    items: [],
    atomics: new Map(),
    inline: null,
    x: 0,
    y: 0,
    w: 0,
    h: 0,
    margin: el ? [px(style.margin[0]), px(style.margin[1]), px(style.margin[2]), px(style.margin[3])] : [0, 0, 0, 0],
    padding: [0, 0, 0, 0],
    yoga: null,
  };
}

function isReplaced(el: Element): boolean {
  const type = attr(el, 'type') ?? '';
  return (
    el.tagName === 'img' ||
    el.tagName === 'canvas' ||
    el.tagName === 'input' ||
    el.tagName === 'textarea' ||
    ((el.tagName === 'embed' || el.tagName === 'object') && type.startsWith(PLUGIN_TYPE_PREFIX))
  );
}

/** CSS margin collapsing in block flow: between siblings, and a first or last child through its parent. */
function collapseMargins(box: Box): void {
  const stack: { box: Box; visited: boolean }[] = [{ box, visited: false }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (!top.visited) {
      top.visited = true;
      for (const c of top.box.children) stack.push({ box: c, visited: false });
      continue;
    }
    stack.pop();
    const b = top.box;
    const s = b.style;
    if (b.kind !== 'block' || s.display === 'flex' || s.display === 'inline-flex' || s.display === 'inline-block')
      continue;
    const flow = b.children.filter((c) => c.el && c.style.position !== 'absolute');
    for (let i = 1; i < flow.length; i++) {
      const prev = flow[i - 1].margin[2];
      const cur = flow[i].margin[0];
      if (prev >= 0 && cur >= 0) flow[i].margin[0] = Math.max(prev, cur) - prev;
    }
    const first = b.children[0];
    const last = b.children[b.children.length - 1];
    const isRoot = b.el?.tagName === 'html';
    const separated = (i: number) =>
      s.borderWidth[i] > 0 ||
      (s.padding[i] !== 'auto' && 'px' in s.padding[i] ? (s.padding[i] as { px: number }).px : 1) > 0 ||
      s.overflow !== 'visible';
    if (!isRoot && first?.el && !separated(0)) {
      b.margin[0] = Math.max(b.margin[0], first.margin[0]);
      first.margin[0] = 0;
    }
    if (!isRoot && last?.el && !separated(2) && s.height === 'auto') {
      b.margin[2] = Math.max(b.margin[2], last.margin[2]);
      last.margin[2] = 0;
    }
  }
}

/**
 * One document's rendering lifecycle on the main thread (Blink's LocalFrameView): style, then
 * layout, then paint, redone whenever script changes the document; and hit testing of clicks
 * against what was painted.
 */
import type { ComputedStyle } from './css/ComputedStyle';
import { StyleResolver } from './css/StyleResolver';
import { type Document, type Element, elements, findElement, textContent } from './dom/Dom';
import type { Measure } from './layout/InlineLayout';
import { type Box, LayoutTree } from './layout/LayoutTree';
import type { Keyframe } from './css/CssParser';
import type { PagePaint } from '../commit/PagePaint';
import { type HitRegion, Painter } from './paint/Painter';
import { tracer } from '../../../platform/tracing';

export const MAX_ELEMENTS = 50_000;

export class FrameView {
  private readonly layout: LayoutTree;
  private readonly layerIds = new WeakMap<Element, number>();
  private readonly pluginIds = new WeakMap<Element, number>();
  // Root layer is 0; each element's layer takes two ids: the second for the contents it scrolls.
  private nextLayerId = 2;
  private hits: HitRegion[] = [];
  private readonly layerOwners = new Map<number, Element>();
  private keyframes = new Map<string, Keyframe[]>();

  constructor(
    readonly doc: Document,
    private viewport: { w: number; h: number },
    private readonly measure: Measure,
    private readonly newPluginInstance: () => number,
  ) {
    this.layout = new LayoutTree(measure);
  }

  /** Style, layout and paint of the whole document. Throws a readable error for a document too large to build. */
  update(): PagePaint {
    const root = this.styleAndLayout();
    const titleEl = findElement(this.doc, (el) => el.tagName === 'title');
    const title = (titleEl ? textContent(titleEl, 1000) : '').replace(/\s+/g, ' ').trim().slice(0, 200);
    const painter = new Painter({
      measure: this.measure,
      viewport: this.viewport,
      keyframes: this.keyframes,
      layerIdFor: (el) => this.layerIdFor(el),
      pluginInstanceId: (el) => this.pluginIds.get(el) ?? this.pluginIds.set(el, this.newPluginInstance()).get(el)!,
    });
    const paint = tracer.slice('Paint', () => painter.paint(root, title));
    this.hits = painter.hits;
    return paint;
  }

  /** Computes every element's style, then lays the document out: the box tree with positions. */
  styleAndLayout(): Box {
    const html = findElement(this.doc, (el) => el.tagName === 'html');
    if (!html) throw new Error('the document has no root element');
    const styles = tracer.slice('UpdateStyle', () => this.computeStyles(html));
    return tracer.slice('Layout', () => this.layout.layout(html, (el) => styles.get(el) ?? null, this.viewport));
  }

  /** Every rendered element's computed style (Blink's style recalc over the whole document). */
  private computeStyles(html: Element): Map<Element, ComputedStyle> {
    const resolver = StyleResolver.forDocument(this.doc, this.viewport);
    this.keyframes = resolver.keyframes;
    const styles = new Map<Element, ComputedStyle>();
    let count = 0;
    const rootStyle = resolver.compute(html, null);
    styles.set(html, rootStyle);
    for (const el of elements(html)) {
      if (++count > MAX_ELEMENTS)
        throw new Error(
          `The page has more than ${MAX_ELEMENTS.toLocaleString('en')} elements; Minium lays out at most that many.`,
        );
      const parent = styles.get(el.parentNode as Element);
      // Children of an element that is not rendered are not styled either.
      if (!parent || parent.display === 'none') continue;
      styles.set(el, resolver.compute(el, parent, rootStyle.fontSize));
    }
    return styles;
  }

  /**
   * The element under a point of a layer's contents: the last painted region that holds it, else
   * the layer's own element.
   */
  hitTest(layer: number, x: number, y: number): Element | null {
    for (let i = this.hits.length - 1; i >= 0; i--) {
      const h = this.hits[i];
      if (h.layer === layer && x >= h.rect.x && y >= h.rect.y && x < h.rect.x + h.rect.w && y < h.rect.y + h.rect.h)
        return h.el;
    }
    return this.layerOwners.get(layer) ?? null;
  }

  private layerIdFor(el: Element): number {
    let id = this.layerIds.get(el);
    if (id === undefined) {
      id = this.nextLayerId += 2;
      this.layerIds.set(el, id);
      this.layerOwners.set(id, el).set(id + 1, el);
    }
    return id;
  }
}

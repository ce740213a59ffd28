/**
 * Paints a laid-out box tree into layers of display items (Blink's paint and layerization,
 * small). An element gets a composited layer of its own when the compositor thread must move
 * it without the main thread: a CSS animation, a transform or opacity, `will-change`, a scroll
 * container (`overflow: scroll | auto`), or a plugin. The root layer is the document, scrolled
 * by the compositor inside the viewport.
 */
import { intersect, type Rect } from '../../../../common/geometry';
import type { LayerAnimation, LayerData, PagePaint } from '../../commit/PagePaint';
import type { DisplayItem } from '../../paint/DisplayList';
import { fontOf, initialStyle } from '../css/ComputedStyle';
import type { Keyframe } from '../css/CssParser';
import { applyDeclaration } from '../css/properties';
import { attr, type Element } from '../dom/Dom';
import type { Box } from '../layout/LayoutTree';
import { PLUGIN_TYPE_PREFIX } from '../layout/LayoutTree';
import type { Measure } from '../layout/InlineLayout';
import { resolveTransform } from './resolveTransform';

/** What the main thread keeps to hit-test clicks: boxes and text in each layer's coordinates. */
export interface HitRegion {
  el: Element;
  layer: number;
  rect: Rect;
}

export interface PaintContext {
  measure: Measure;
  viewport: { w: number; h: number };
  keyframes: Map<string, Keyframe[]>;
  layerIdFor: (el: Element) => number;
  pluginInstanceId: (el: Element) => number;
}

interface Builder {
  data: LayerData;
  /** Document coordinates of the layer's (0, 0). */
  ox: number;
  oy: number;
  /** Furthest extent of what was painted, for the content size. */
  right: number;
  bottom: number;
}

export class Painter {
  private readonly layers: LayerData[] = [];
  readonly hits: HitRegion[] = [];
  private background = '#ffffff';
  private propagated: Element | null = null;

  constructor(private readonly ctx: PaintContext) {}

  paint(root: Box, title: string): PagePaint {
    const body = root.children.find((c) => c.el?.tagName === 'body');
    const source = root.style.backgroundColor || root.style.backgroundImage ? root : body;
    if (source?.style.backgroundColor) {
      this.background = source.style.backgroundColor;
      this.propagated = source.el;
    }
    const { w, h } = this.ctx.viewport;
    const rootLayer = this.newLayer(null, { x: 0, y: 0, w, h }, 0, 0, true);
    this.paintBox(root, rootLayer, undefined);
    this.finish(rootLayer, Math.max(root.y + root.h + root.margin[2], 0));
    return { title, background: this.background, layers: this.layers, wheelListeners: false };
  }

  private newLayer(
    parent: Builder | null,
    bounds: Rect,
    ox: number,
    oy: number,
    scrollable: boolean,
    el?: Element,
  ): Builder {
    const data: LayerData = {
      id: el ? this.ctx.layerIdFor(el) : 0,
      parent: parent ? parent.data.id : null,
      bounds,
      contentSize: { w: bounds.w, h: bounds.h },
      scrollable,
      items: [],
      transform: [],
      origin: { x: 0, y: 0 },
      opacity: 1,
    };
    this.layers.push(data);
    return { data, ox, oy, right: 0, bottom: 0 };
  }

  private finish(b: Builder, extraBottom = 0): void {
    b.data.contentSize = {
      w: Math.ceil(Math.max(b.data.bounds.w, b.right)),
      h: Math.ceil(Math.max(b.data.bounds.h, b.bottom, extraBottom)),
    };
  }

  private push(b: Builder, item: DisplayItem, clip: Rect | undefined): void {
    if (clip) item.clip = clip;
    b.data.items.push(item);
    const r = item.op === 'text' ? { x: item.x, y: item.y - item.size, w: item.w, h: item.size * 1.3 } : item;
    b.right = Math.max(b.right, r.x + r.w);
    b.bottom = Math.max(b.bottom, r.y + r.h);
  }

  private paintBox(box: Box, layer: Builder, clip: Rect | undefined): void {
    const s = box.style;
    let target = layer;
    let targetClip = clip;
    const animation = box.el ? this.animation(box) : undefined;
    if (box.el && (animation || this.needsOwnLayer(box))) {
      target = this.newLayer(
        layer,
        { x: box.x - layer.ox, y: box.y - layer.oy, w: box.w, h: box.h },
        box.x,
        box.y,
        false,
        box.el,
      );
      targetClip = undefined;
      const d = target.data;
      d.transform = resolveTransform(s.transform, box.w, box.h);
      d.origin = { x: box.w / 2, y: box.h / 2 };
      d.opacity = s.opacity;
      d.animation = animation;
      if (box.kind === 'replaced' && isPlugin(box.el)) {
        d.plugin = { instanceId: this.ctx.pluginInstanceId(box.el), mimeType: attr(box.el, 'type') ?? '' };
        this.push(target, { op: 'rect', x: 0, y: 0, w: box.w, h: box.h, color: '#e8eaed' }, undefined);
        this.text(target, 'Loading plugin…', 12, 24, 13, '#5f6368');
      }
    }
    const x = box.x - target.ox;
    const y = box.y - target.oy;
    if (box.el) {
      this.hits.push({ el: box.el, layer: target.data.id, rect: { x, y, w: box.w, h: box.h } });
      // A box counts towards its layer's size even when it paints nothing (a scroller's contents).
      target.right = Math.max(target.right, x + box.w + box.margin[1]);
      target.bottom = Math.max(target.bottom, y + box.h + box.margin[2]);
    }
    if (box.el && s.visibility === 'visible') this.decorate(box, target, x, y, targetClip);
    if (box.kind === 'replaced' && !isPlugin(box.el)) this.replacedPlaceholder(box, target, x, y, targetClip);

    const [bt, br, bb, bl] = s.borderWidth;
    const padding = { x: x + bl, y: y + bt, w: box.w - bl - br, h: box.h - bt - bb };
    let inner = target;
    let innerClip: (Rect & { radius?: number }) | undefined = targetClip;
    if (box.el && (s.overflow === 'scroll' || s.overflow === 'auto')) {
      inner = this.newLayer(target, padding, target.ox + padding.x, target.oy + padding.y, true, box.el);
      // The scroller's own box is in the parent; a second id keeps its contents apart.
      inner.data.id = this.ctx.layerIdFor(box.el) + 1;
      innerClip = undefined;
    } else if (box.el && s.overflow === 'hidden') {
      innerClip = targetClip ? intersect(targetClip, padding) : { ...padding, radius: s.borderRadius || undefined };
    }
    if (box.kind === 'inline' && box.inline) this.paintInline(box, inner, innerClip);
    for (const child of box.children) this.paintBox(child, inner, innerClip);
    if (inner !== target) {
      inner.right += box.padding[1];
      inner.bottom += box.padding[2];
      this.finish(inner);
    }
    if (target !== layer) this.finish(target);
  }

  /** A layer of its own for reasons other than an animation (that one is checked by the caller, once). */
  private needsOwnLayer(box: Box): boolean {
    const s = box.style;
    return !!(
      box.el &&
      ((box.kind === 'replaced' && isPlugin(box.el)) || s.transform.length || s.opacity < 1 || s.willChange)
    );
  }

  /** Background and border of a box. */
  private decorate(box: Box, layer: Builder, x: number, y: number, clip: Rect | undefined): void {
    const s = box.style;
    const radius = s.borderRadius ? Math.min(s.borderRadius, box.w / 2, box.h / 2) : undefined;
    if (box.el !== this.propagated) {
      if (s.backgroundColor)
        this.push(layer, { op: 'rect', x, y, w: box.w, h: box.h, color: s.backgroundColor, radius }, clip);
      if (s.backgroundImage)
        this.push(layer, { op: 'gradient', x, y, w: box.w, h: box.h, gradient: s.backgroundImage, radius }, clip);
    }
    const [bt, br, bb, bl] = s.borderWidth;
    if (bt === br && bt === bb && bt === bl && s.borderColor.every((c) => c === s.borderColor[0])) {
      if (bt > 0)
        this.push(
          layer,
          {
            op: 'stroke',
            x: x + bt / 2,
            y: y + bt / 2,
            w: box.w - bt,
            h: box.h - bt,
            color: s.borderColor[0],
            width: bt,
            radius: radius && Math.max(0, radius - bt / 2),
          },
          clip,
        );
    } else {
      const sides: [number, Rect][] = [
        [0, { x, y, w: box.w, h: bt }],
        [1, { x: x + box.w - br, y, w: br, h: box.h }],
        [2, { x, y: y + box.h - bb, w: box.w, h: bb }],
        [3, { x, y, w: bl, h: box.h }],
      ];
      for (const [i, r] of sides)
        if (r.w > 0 && r.h > 0) this.push(layer, { op: 'rect', ...r, color: s.borderColor[i] }, clip);
    }
    if (box.marker) {
      const first = box.children.find((c) => c.kind === 'inline' && c.inline);
      const baseline = first?.inline ? first.y - layer.oy + first.inline.firstBaseline : y + s.fontSize;
      const font = fontOf(s);
      const w = this.ctx.measure(box.marker, font);
      this.push(
        layer,
        { op: 'text', x: x - w - 8, y: baseline, w, text: box.marker, font, size: s.fontSize, color: s.color },
        clip,
      );
    }
  }

  private paintInline(box: Box, layer: Builder, clip: Rect | undefined): void {
    const ox = box.x - layer.ox;
    const oy = box.y - layer.oy;
    const container = box.style;
    for (const f of box.inline!.fragments) {
      if (f.kind === 'atomic') {
        this.paintBox(box.atomics.get(f.itemIndex)!, layer, clip);
        continue;
      }
      const s = f.style;
      const rect = { x: ox + f.x, y: oy + f.top, w: f.w, h: f.h };
      this.hits.push({ el: f.el, layer: layer.data.id, rect });
      if (s.visibility !== 'visible') continue;
      if (s !== container && s.backgroundColor && s.display === 'inline')
        this.push(layer, { op: 'rect', ...rect, color: s.backgroundColor }, clip);
      const decoration = s.textDecoration === 'none' ? undefined : s.textDecoration;
      this.push(
        layer,
        {
          op: 'text',
          x: rect.x,
          y: oy + f.baseline,
          w: f.w,
          text: f.text,
          font: fontOf(s),
          size: s.fontSize,
          color: s.color,
          ...(decoration ? { decoration } : {}),
        },
        clip,
      );
    }
  }

  /** An image, canvas or form field Minium cannot show: a framed box with its alt text, as a broken image. */
  private replacedPlaceholder(box: Box, layer: Builder, x: number, y: number, clip: Rect | undefined): void {
    if (box.el?.tagName !== 'img') return;
    this.push(
      layer,
      { op: 'stroke', x: x + 0.5, y: y + 0.5, w: box.w - 1, h: box.h - 1, color: '#c0c0c0', width: 1 },
      clip,
    );
    const alt = attr(box.el, 'alt');
    if (alt) this.text(layer, alt.slice(0, 200), x + 4, y + 16, 13, '#5f6368', clip);
  }

  private text(layer: Builder, text: string, x: number, y: number, size: number, color: string, clip?: Rect): void {
    const font = `${size}px "Minium Sans"`;
    this.push(layer, { op: 'text', x, y, w: this.ctx.measure(text, font), text, font, size, color }, clip);
  }

  /** The element's CSS animation as keyframes of transform and opacity, the properties the compositor can animate. */
  private animation(box: Box): LayerAnimation | undefined {
    const spec = box.style.animation;
    const frames = spec && this.ctx.keyframes.get(spec.name);
    if (!spec || !frames?.length) return undefined;
    const ctx = { fontSize: box.style.fontSize, rootFontSize: 16, viewport: this.ctx.viewport };
    const base = { transform: resolveTransform(box.style.transform, box.w, box.h), opacity: box.style.opacity };
    const out: LayerAnimation['frames'] = [];
    let animates = false;
    for (const k of frames) {
      const s = initialStyle();
      s.transform = box.style.transform;
      s.opacity = box.style.opacity;
      for (const d of k.declarations) {
        if (d.property === 'transform' || d.property === 'opacity') {
          applyDeclaration(s, box.style, d, ctx);
          animates = true;
        }
      }
      out.push({ offset: k.offset, transform: resolveTransform(s.transform, box.w, box.h), opacity: s.opacity });
    }
    if (!animates) return undefined; // only other properties: the compositor cannot run it
    if (out[0].offset > 0) out.unshift({ offset: 0, ...base });
    if (out[out.length - 1].offset < 1) out.push({ offset: 1, ...base });
    return { spec, frames: out };
  }
}

function isPlugin(el: Element | null): el is Element {
  return (
    !!el &&
    (el.tagName === 'embed' || el.tagName === 'object') &&
    (attr(el, 'type') ?? '').startsWith(PLUGIN_TYPE_PREFIX)
  );
}

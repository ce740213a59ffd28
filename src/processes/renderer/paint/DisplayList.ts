/**
 * What the main thread paints and a raster thread turns into pixels: a list of drawing
 * operations, plain data (cc's paint records), so it crosses threads by structured clone.
 */
import { intersect, type Rect } from '../../../common/geometry';

export interface ColorStop {
  color: string;
  /** 0..1 along the gradient line, or null to be spread evenly as CSS does. */
  at: number | null;
}

export type Gradient =
  { kind: 'linear'; angleDeg: number; stops: ColorStop[] } | { kind: 'radial'; circle: boolean; stops: ColorStop[] };

/** Every item may carry a clip (an ancestor's overflow: hidden), in the same coordinates. */
interface Clipped {
  clip?: Rect & { radius?: number };
}

export type DisplayItem = Clipped &
  (
    | { op: 'rect'; x: number; y: number; w: number; h: number; color: string; radius?: number }
    | { op: 'gradient'; x: number; y: number; w: number; h: number; gradient: Gradient; radius?: number }
    | { op: 'stroke'; x: number; y: number; w: number; h: number; color: string; width: number; radius?: number }
    | {
        op: 'text';
        x: number;
        y: number;
        w: number;
        text: string;
        font: string;
        size: number;
        color: string;
        decoration?: 'underline' | 'line-through';
      }
  );

export function itemBounds(item: DisplayItem): Rect {
  let r: Rect;
  if (item.op === 'text') {
    // The baseline sits at y; glyphs reach about a size above and a third below.
    r = { x: item.x - 2, y: item.y - item.size * 1.2, w: item.w + 4, h: item.size * 1.6 };
  } else {
    const pad = item.op === 'stroke' ? item.width : 0;
    r = { x: item.x - pad, y: item.y - pad, w: item.w + 2 * pad, h: item.h + 2 * pad };
  }
  return item.clip ? intersect(r, item.clip) : r;
}

/** What the main thread paints and a raster thread turns into pixels: a list of drawing operations. */
import type { Rect } from '../../../common/geometry';

export type DisplayItem =
  | { op: 'rect'; x: number; y: number; w: number; h: number; color: string; radius?: number }
  | { op: 'stroke'; x: number; y: number; w: number; h: number; color: string; width: number; radius?: number }
  | { op: 'text'; x: number; y: number; text: string; font: string; size: number; color: string };

export function itemBounds(item: DisplayItem): Rect {
  if (item.op === 'text') {
    // Generous bounds: the baseline sits at y; glyphs reach about a size above and a third below.
    return { x: item.x - 2, y: item.y - item.size * 1.2, w: item.text.length * item.size + 4, h: item.size * 1.6 };
  }
  const pad = item.op === 'stroke' ? item.width : 0;
  return { x: item.x - pad, y: item.y - pad, w: item.w + 2 * pad, h: item.h + 2 * pad };
}

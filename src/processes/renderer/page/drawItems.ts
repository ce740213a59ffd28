import type { SKRSContext2D } from '@napi-rs/canvas';
import type { DisplayItem } from './DisplayList';

/** Plays display items onto a Skia canvas. Colours Skia cannot parse leave the previous one, as in a browser. */
export function drawItems(ctx: SKRSContext2D, items: DisplayItem[]): void {
  for (const item of items) {
    switch (item.op) {
      case 'rect':
        ctx.fillStyle = item.color;
        if (item.radius) {
          ctx.beginPath();
          ctx.roundRect(item.x, item.y, item.w, item.h, item.radius);
          ctx.fill();
        } else {
          ctx.fillRect(item.x, item.y, item.w, item.h);
        }
        break;
      case 'stroke':
        ctx.strokeStyle = item.color;
        ctx.lineWidth = item.width;
        ctx.beginPath();
        ctx.roundRect(item.x, item.y, item.w, item.h, item.radius ?? 0);
        ctx.stroke();
        break;
      case 'text':
        ctx.fillStyle = item.color;
        ctx.font = item.font;
        ctx.fillText(item.text, item.x, item.y);
        break;
    }
  }
}

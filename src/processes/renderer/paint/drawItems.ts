import type { SKRSContext2D } from '@napi-rs/canvas';
import type { DisplayItem, Gradient } from './DisplayList';

/** Plays display items onto a Skia canvas (on a raster thread). */
export function drawItems(ctx: SKRSContext2D, items: DisplayItem[]): void {
  for (const item of items) {
    if (item.clip) {
      ctx.save();
      ctx.beginPath();
      ctx.roundRect(item.clip.x, item.clip.y, item.clip.w, item.clip.h, item.clip.radius ?? 0);
      ctx.clip();
    }
    drawItem(ctx, item);
    if (item.clip) ctx.restore();
  }
}

function drawItem(ctx: SKRSContext2D, item: DisplayItem): void {
  switch (item.op) {
    case 'gradient':
      if (item.gradient.kind === 'radial' && !item.gradient.circle) return fillEllipse(ctx, item);
    // falls through: every other gradient fills like a colour
    case 'rect':
      ctx.fillStyle = item.op === 'rect' ? item.color : gradientFill(ctx, item.gradient, item);
      if (item.radius) {
        ctx.beginPath();
        ctx.roundRect(item.x, item.y, item.w, item.h, Math.min(item.radius, item.w / 2, item.h / 2));
        ctx.fill();
      } else {
        ctx.fillRect(item.x, item.y, item.w, item.h);
      }
      break;
    case 'stroke':
      ctx.strokeStyle = item.color;
      ctx.lineWidth = item.width;
      ctx.beginPath();
      ctx.roundRect(item.x, item.y, item.w, item.h, Math.min(item.radius ?? 0, item.w / 2, item.h / 2));
      ctx.stroke();
      break;
    case 'text':
      ctx.fillStyle = item.color;
      ctx.font = item.font;
      ctx.fillText(item.text, item.x, item.y);
      if (item.decoration) {
        const y = item.decoration === 'underline' ? item.y + item.size * 0.12 : item.y - item.size * 0.3;
        ctx.fillRect(item.x, y, item.w, Math.max(1, item.size / 16));
      }
      break;
  }
}

/**
 * An elliptical radial gradient (CSS's default shape, reaching the farthest corner): a circular
 * shader squashed to the box's proportions, inside the box's own outline.
 */
function fillEllipse(ctx: SKRSContext2D, item: Extract<DisplayItem, { op: 'gradient' }>): void {
  const rx = Math.max(1, (item.w / 2) * Math.SQRT2);
  const ry = Math.max(1, (item.h / 2) * Math.SQRT2);
  ctx.save();
  ctx.beginPath();
  ctx.roundRect(item.x, item.y, item.w, item.h, Math.min(item.radius ?? 0, item.w / 2, item.h / 2));
  ctx.clip();
  ctx.translate(item.x + item.w / 2, item.y + item.h / 2);
  ctx.scale(1, ry / rx);
  const grad = ctx.createRadialGradient(0, 0, 0, 0, 0, rx);
  addStops(grad, item.gradient);
  ctx.fillStyle = grad;
  ctx.fillRect(-rx, -rx, 2 * rx, 2 * rx);
  ctx.restore();
}

/** A CSS gradient as a Skia shader over the box: the gradient line as CSS defines it. */
function gradientFill(ctx: SKRSContext2D, g: Gradient, box: { x: number; y: number; w: number; h: number }) {
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  let grad;
  if (g.kind === 'linear') {
    const a = (g.angleDeg * Math.PI) / 180;
    const dx = Math.sin(a);
    const dy = -Math.cos(a);
    const half = (Math.abs(box.w * dx) + Math.abs(box.h * dy)) / 2;
    grad = ctx.createLinearGradient(cx - dx * half, cy - dy * half, cx + dx * half, cy + dy * half);
  } else {
    grad = ctx.createRadialGradient(cx, cy, 0, cx, cy, Math.max(Math.hypot(box.w, box.h) / 2, 1));
  }
  addStops(grad, g);
  return grad;
}

/** Stops without a position are spread evenly; a stop never comes before the one ahead of it, as CSS requires. */
function addStops(grad: { addColorStop(offset: number, color: string): void }, g: Gradient): void {
  const n = g.stops.length;
  let last = 0;
  g.stops.forEach((s, i) => {
    const at = Math.max(last, s.at ?? i / (n - 1));
    last = at;
    grad.addColorStop(Math.min(1, at), s.color);
  });
}

/**
 * The plugin Minium ships: an analog clock drawn in the plugin's own process (PPAPI-style, out
 * of the renderer). Its frames go to the display compositor directly, as a surface the page embeds.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';

export const CLOCK_MIME_TYPE = 'application/x-minium-clock';

export function drawClock(ctx: SKRSContext2D, w: number, h: number, now: Date, frame: number): void {
  ctx.fillStyle = '#202124';
  ctx.fillRect(0, 0, w, h);
  const r = Math.min(w, h) / 2 - 10;
  const cx = w / 2;
  const cy = h / 2;
  ctx.strokeStyle = '#8ab4f8';
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, 2 * Math.PI);
  ctx.stroke();
  for (let i = 0; i < 12; i++) {
    const a = (i / 12) * 2 * Math.PI;
    ctx.beginPath();
    ctx.moveTo(cx + Math.sin(a) * r * 0.85, cy - Math.cos(a) * r * 0.85);
    ctx.lineTo(cx + Math.sin(a) * r, cy - Math.cos(a) * r);
    ctx.stroke();
  }
  const ms = now.getMilliseconds() / 1000;
  const s = now.getSeconds() + ms;
  const m = now.getMinutes() + s / 60;
  const hr = (now.getHours() % 12) + m / 60;
  const hand = (fraction: number, length: number, width: number, color: string) => {
    const a = fraction * 2 * Math.PI;
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(cx, cy);
    ctx.lineTo(cx + Math.sin(a) * length, cy - Math.cos(a) * length);
    ctx.stroke();
  };
  hand(hr / 12, r * 0.5, 5, '#e8eaed');
  hand(m / 60, r * 0.75, 3, '#e8eaed');
  hand(s / 60, r * 0.9, 1.5, '#f28b82');
  ctx.fillStyle = '#9aa0a6';
  ctx.font = '11px "Minium Sans"';
  ctx.fillText(`plugin pid ${process.pid} · frame ${frame}`, 6, h - 6);
}

/**
 * The frame-rate meter (cc's HeadsUpDisplayLayer): frames this tab's compositor produced per
 * second, with a short history, drawn on the compositor thread itself into a tile slot of the
 * tab's pool, a few times a second.
 */
import { type Canvas, createCanvas } from '@napi-rs/canvas';
import type { Rect } from '../../../common/geometry';
import { TILE_BYTES, TILE_SIZE } from '../../../common/tiles';
import type { MappedMemory } from '../../../platform/native';
import type { SlotAllocator } from '../../../viz/client/SlotAllocator';
import type { FrameMetrics } from '../../../common/protocol';
import type { FrameSequenceMetrics } from './FrameSequenceMetrics';

const W = 168;
const H = 112;
const GRAPH_BOTTOM = 54;
/** The HUD's lines of dropped frames, as cc's HUD shows its dropped-frame percentage. */
const SEQUENCES: [keyof FrameMetrics, string][] = [
  ['compositorAnimation', 'compositor animation'],
  ['mainThreadAnimation', 'main-thread animation'],
  ['scroll', 'scroll'],
];
const REDRAW_MS = 250;
const HISTORY = 40;

export class HeadsUpDisplay {
  private readonly canvas = createCanvas(TILE_SIZE, TILE_SIZE);
  private readonly frames: number[] = [];
  private readonly history: number[] = [];
  private drawnAt = -Infinity;
  slot: number | null = null;
  version = 0;

  /** Counts a produced frame. */
  frameProduced(now: number): void {
    this.frames.push(now);
    while (this.frames.length && this.frames[0] < now - 1000) this.frames.shift();
  }

  get fps(): number {
    return this.frames.length;
  }

  /** Redraws when due; returns the meter's rectangle if it changed. */
  update(
    now: number,
    viewport: { w: number; h: number },
    slots: SlotAllocator,
    pool: MappedMemory,
    version: () => number,
    sequences: FrameSequenceMetrics,
  ): Rect | null {
    if (now - this.drawnAt < REDRAW_MS) return null;
    const slot = slots.allocate();
    if (slot === null) return null;
    if (this.slot !== null) slots.release(this.slot);
    this.drawnAt = now;
    while (this.frames.length && this.frames[0] < now - 1000) this.frames.shift();
    this.history.push(this.fps);
    if (this.history.length > HISTORY) this.history.shift();
    const ctx = this.canvas.getContext('2d');
    ctx.clearRect(0, 0, W, H);
    ctx.fillStyle = 'rgba(32, 33, 36, 0.85)';
    ctx.fillRect(0, 0, W, H);
    ctx.fillStyle = '#8ab4f8';
    ctx.font = 'bold 15px "Minium Sans"';
    ctx.fillText(`${this.fps} fps`, 8, 20);
    ctx.fillStyle = '#bdc1c6';
    ctx.font = '10px "Minium Sans"';
    ctx.fillText('compositor frames', 72, 19);
    this.history.forEach((f, i) => {
      const h = Math.min(26, (f / 60) * 26);
      ctx.fillStyle = f >= 55 ? '#81c995' : f >= 30 ? '#fdd663' : '#f28b82';
      ctx.fillRect(8 + i * 3.8, GRAPH_BOTTOM - h, 3, h);
    });
    this.drawDropped(ctx, sequences.metrics(now));
    pool.write(slot * TILE_BYTES, ctx.getImageData(0, 0, TILE_SIZE, TILE_SIZE).data);
    this.slot = slot;
    this.version = version();
    return this.rect(viewport);
  }

  /** One line per kind of sequence: its dropped frames over the last second, or a dash when it did not run. */
  private drawDropped(ctx: ReturnType<Canvas['getContext']>, metrics: FrameMetrics): void {
    ctx.font = '10px "Minium Sans"';
    ctx.fillStyle = '#9aa0a6';
    ctx.fillText('frames dropped, last second', 8, GRAPH_BOTTOM + 14);
    SEQUENCES.forEach(([kind, label], i) => {
      const m = metrics[kind];
      const y = GRAPH_BOTTOM + 28 + i * 13;
      ctx.fillStyle = '#bdc1c6';
      ctx.fillText(label, 8, y);
      ctx.fillStyle = !m ? '#9aa0a6' : m.percentDropped < 5 ? '#81c995' : m.percentDropped < 25 ? '#fdd663' : '#f28b82';
      ctx.textAlign = 'right';
      ctx.fillText(m ? `${m.percentDropped.toFixed(1)}%` : '—', W - 8, y);
      ctx.textAlign = 'left';
    });
  }

  rect(viewport: { w: number; h: number }): Rect {
    return { x: viewport.w - W - 8, y: 8, w: W, h: H };
  }
}

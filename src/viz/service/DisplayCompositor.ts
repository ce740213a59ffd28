/**
 * The display compositor (Chromium's viz): keeps one surface per tab and per plugin instance,
 * uploads changed tiles out of their owners' shared memory (the pools each client handed over),
 * and composites each frame's quads into the surface, only inside the damaged region. Runs in the
 * GPU process, or in the browser process when compositing has fallen back there.
 */
import { type Canvas, createCanvas, ImageData, type SKRSContext2D } from '@napi-rs/canvas';
import { Emitter } from '../../common/Emitter';
import { intersect, isEmpty, type Rect, roundOut, transformRect, union } from '../../common/geometry';
import type { SubmitFrame } from '../../common/protocol';
import { TILE_BYTES, TILE_SIZE } from '../../common/tiles';
import type { TilePool } from './ClientPools';
import { FLOWS } from '../../common/TraceRecorder';
import { tracer } from '../../platform/tracing';

interface CachedTile {
  version: number;
  canvas: Canvas;
}

interface Surface {
  id: string;
  canvas: Canvas;
  ctx: SKRSContext2D;
  frame: SubmitFrame | null;
  /** The client's pool the tiles were last uploaded from; its client's connection owns it. */
  pool: TilePool | null;
  tiles: Map<number, CachedTile>;
  framesPresented: number;
  /** Whether the surface's submitter may show a given other surface inside it. */
  mayEmbed: (surfaceId: string) => boolean;
}

export interface Damage {
  surfaceId: string;
  seq: number;
  rect: Rect;
}

export class DisplayCompositor {
  private readonly surfaces = new Map<string, Surface>();
  private readonly damageEmitter = new Emitter<Damage>();
  readonly onDamage = this.damageEmitter.event;
  private readonly presentedEmitter = new Emitter<{ surfaceId: string; inputIds: number[] }>();
  /** A frame that carries input latency ids was composited: those inputs are now on screen. */
  readonly onInputPresented = this.presentedEmitter.event;
  private readonly firstFrameEmitter = new Emitter<{ surfaceId: string; framesPresented: number }>();
  /** A surface's first frame was composited: the browser hears it at once, not at the next periodic report. */
  readonly onFirstFrame = this.firstFrameEmitter.event;
  private readonly frameEmitter = new Emitter<string>();
  /** Any frame was composited (its surface id): the presentation counts changed. */
  readonly onFramePresented = this.frameEmitter.event;
  private readonly upload = new Uint8ClampedArray(TILE_BYTES);

  /**
   * Takes a frame from a client already authorized for frame.surfaceId, with the pool it names;
   * throws a readable error if it is unusable. Surfaces it may not embed are left out of the
   * picture (the grant may simply not have arrived yet: the next frame shows them).
   */
  submit(frame: SubmitFrame, pool: TilePool, mayEmbed: (surfaceId: string) => boolean = () => false): void {
    tracer.slice(
      'Display::DrawAndSwap',
      () => {
        // The sender's frame and input flows end or go on here (the browser ends the inputs').
        if (frame.traceId !== undefined) tracer.flow('f', FLOWS.frame, frame.traceId);
        for (const inputId of frame.latency ?? []) tracer.flow('t', FLOWS.input, inputId);
        this.draw(frame, pool, mayEmbed);
      },
      { surfaceId: frame.surfaceId, seq: frame.seq },
    );
  }

  private draw(frame: SubmitFrame, pool: TilePool, mayEmbed: (surfaceId: string) => boolean): void {
    const surface = this.surfaceFor(frame, pool);
    surface.mayEmbed = mayEmbed;
    for (const q of frame.quads) {
      if (q.kind === 'tile') this.uploadTile(surface, q.slot, q.version);
    }
    const full = { x: 0, y: 0, w: frame.size.w, h: frame.size.h };
    const damage = surface.frame ? intersect(roundOut(frame.damage), full) : full;
    surface.frame = frame;
    surface.framesPresented++;
    this.frameEmitter.fire(frame.surfaceId);
    if (!isEmpty(damage)) this.composite(surface, damage, frame.seq);
    if (frame.latency?.length) this.presentedEmitter.fire({ surfaceId: frame.surfaceId, inputIds: frame.latency });
    if (surface.framesPresented === 1) this.firstFrameEmitter.fire({ surfaceId: frame.surfaceId, framesPresented: 1 });
    // A plugin's new frame is also new content in every tab that embeds it.
    if (frame.surfaceId.startsWith('plugin:')) this.redrawEmbedders(frame.surfaceId, frame.seq);
  }

  drop(surfaceId: string): void {
    const s = this.surfaces.get(surfaceId);
    if (!s) return;
    this.surfaces.delete(surfaceId);
    if (surfaceId.startsWith('plugin:')) this.redrawEmbedders(surfaceId, 0);
  }

  pixels(
    surfaceId: string,
    rect?: Rect,
  ): { rect: Rect; surface: { w: number; h: number }; data: Uint8ClampedArray } | null {
    const s = this.surfaces.get(surfaceId);
    if (!s?.frame) return null;
    const full = { x: 0, y: 0, w: s.canvas.width, h: s.canvas.height };
    const r = rect ? intersect(rect, full) : full;
    if (isEmpty(r)) return null;
    return { rect: r, surface: { w: full.w, h: full.h }, data: s.ctx.getImageData(r.x, r.y, r.w, r.h).data };
  }

  stats(): { surfaceId: string; framesPresented: number }[] {
    return [...this.surfaces.values()].map((s) => ({ surfaceId: s.id, framesPresented: s.framesPresented }));
  }

  dispose(): void {
    for (const id of [...this.surfaces.keys()]) this.drop(id);
  }

  private surfaceFor(frame: SubmitFrame, pool: TilePool): Surface {
    let s = this.surfaces.get(frame.surfaceId);
    if (s && (s.canvas.width !== frame.size.w || s.canvas.height !== frame.size.h)) {
      this.drop(frame.surfaceId);
      s = undefined;
    }
    if (!s) {
      const canvas = createCanvas(frame.size.w, frame.size.h);
      s = {
        id: frame.surfaceId,
        canvas,
        ctx: canvas.getContext('2d'),
        frame: null,
        pool: null,
        tiles: new Map(),
        framesPresented: 0,
        mayEmbed: () => false,
      };
      this.surfaces.set(frame.surfaceId, s);
    }
    if (s.pool !== pool) {
      s.pool = pool; // a new pool (or the same memory handed over again after a reconnection): upload afresh
      s.tiles.clear();
    }
    return s;
  }

  /** Copies a slot out of shared memory once per version: the texture upload of a real GPU. */
  private uploadTile(s: Surface, slot: number, version: number): void {
    const pool = s.pool!;
    if (slot >= pool.slots) throw new Error(`tile slot ${slot} is outside the pool of ${pool.slots} slots`);
    const cached = s.tiles.get(slot);
    if (cached?.version === version) return;
    pool.memory.read(slot * TILE_BYTES, this.upload);
    const canvas = cached?.canvas ?? createCanvas(TILE_SIZE, TILE_SIZE);
    canvas.getContext('2d').putImageData(new ImageData(this.upload, TILE_SIZE, TILE_SIZE), 0, 0);
    s.tiles.set(slot, { version, canvas });
  }

  private composite(s: Surface, damage: Rect, seq: number): void {
    const frame = s.frame!;
    const ctx = s.ctx;
    ctx.save();
    ctx.beginPath();
    ctx.rect(damage.x, damage.y, damage.w, damage.h);
    ctx.clip();
    ctx.fillStyle = frame.background;
    ctx.fillRect(damage.x, damage.y, damage.w, damage.h);
    for (const q of frame.quads) {
      const bounds = q.kind === 'surface' ? q.rect : transformRect(q.transform, q.rect);
      if (isEmpty(intersect(q.clip ? intersect(bounds, q.clip) : bounds, damage))) continue;
      ctx.save();
      if (q.clip) {
        ctx.beginPath();
        ctx.rect(q.clip.x, q.clip.y, q.clip.w, q.clip.h);
        ctx.clip();
      }
      if (q.kind === 'tile') {
        const tile = s.tiles.get(q.slot);
        if (tile) {
          ctx.setTransform(...q.transform);
          ctx.globalAlpha = q.opacity;
          ctx.drawImage(tile.canvas, 0, 0, q.rect.w, q.rect.h, q.rect.x, q.rect.y, q.rect.w, q.rect.h);
        }
      } else if (q.kind === 'solid') {
        ctx.setTransform(...q.transform);
        if (q.stroke) {
          ctx.strokeStyle = q.color;
          ctx.lineWidth = q.stroke;
          ctx.strokeRect(q.rect.x, q.rect.y, q.rect.w, q.rect.h);
        } else {
          ctx.fillStyle = q.color;
          ctx.fillRect(q.rect.x, q.rect.y, q.rect.w, q.rect.h);
        }
      } else {
        const embedded = s.mayEmbed(q.surfaceId) ? this.surfaces.get(q.surfaceId) : undefined;
        if (embedded?.frame) ctx.drawImage(embedded.canvas, q.rect.x, q.rect.y, q.rect.w, q.rect.h);
      }
      ctx.restore();
    }
    ctx.restore();
    this.damageEmitter.fire({ surfaceId: s.id, seq, rect: damage });
  }

  private redrawEmbedders(pluginSurface: string, seq: number): void {
    for (const s of this.surfaces.values()) {
      if (!s.frame) continue;
      let damage: Rect = { x: 0, y: 0, w: 0, h: 0 };
      for (const q of s.frame.quads)
        if (q.kind === 'surface' && q.surfaceId === pluginSurface) damage = union(damage, roundOut(q.rect));
      if (!isEmpty(damage)) this.composite(s, damage, seq);
    }
  }
}

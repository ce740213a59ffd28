/**
 * One tab's committed layer tree on the compositor thread (cc's LayerTreeHostImpl, small). It
 * owns what the main thread does not need to be asked about: scroll offsets, the current value
 * of compositor animations, which layer is under a point, and the frame sent to the display
 * compositor each vsync with the region that changed.
 */
import {
  EMPTY_RECT,
  intersect,
  isEmpty,
  type Matrix,
  type Rect,
  roundOut,
  transformRect,
  union,
} from '../../../common/geometry';
import { LIMITS } from '../../../common/limits';
import type { Quad, RenderingOverlays, SubmitFrame } from '../../../common/protocol';
import { rasterThreadColor, TILE_BYTES } from '../../../common/tiles';
import { AnonymousSharedMemory } from '../../../platform/AnonymousSharedMemory';
import type { FrameSinkClient } from '../../../viz/client/FrameSinkClient';
import { SlotAllocator } from '../../../viz/client/SlotAllocator';
import type { LayerData, PagePaint } from '../commit/PagePaint';
import { sampleAnimation } from './Animations';
import { HeadsUpDisplay } from './HeadsUpDisplay';
import { FrameSequenceMetrics } from './FrameSequenceMetrics';
import { type RasterJob, TileManager } from './TileManager';
import { apply, invert, multiply, toMatrix, translation } from './Transforms';
import { frameColor } from './frameColor';

export const POOL_SLOTS = 160;
const MAX_FRAMES_IN_FLIGHT = 2;
const FLASH_MS = 300;

interface Geometry {
  /** The layer's own box (bounds) to screen. */
  layerToScreen: Matrix;
  /** Its contents to screen: the same, moved by the scroll offset for a scroller. */
  contentToScreen: Matrix;
  /** Screen rectangle its contents are clipped to. */
  clip: Rect;
  opacity: number;
  signature: string;
}

export class LayerTreeHostImpl {
  readonly surfaceId: string;
  /** The tab's tile pool: anonymous memory, lent to the display compositor over the frame sink. */
  private readonly pool: AnonymousSharedMemory;
  private readonly poolId: number;
  private readonly slots = new SlotAllocator(POOL_SLOTS);
  private readonly tiles: TileManager;
  private readonly hud = new HeadsUpDisplay();
  /** Dropped frames per kind of sequence, fed every vsync by the compositor thread; the HUD shows them. */
  readonly frameMetrics = new FrameSequenceMetrics();
  /** Why the last vsync produced no frame: the display compositor is behind, or nothing changed. */
  skipped: 'behind' | 'no-damage' | null = null;
  private layers: LayerData[] = [];
  private readonly scroll = new Map<number, { x: number; y: number }>();
  private readonly animationStart = new Map<number, { name: string; at: number }>();
  private geometry = new Map<number, Geometry>();
  /** Geometry of the last frame sent: what is on screen now, to find what moved. */
  private presented = new Map<number, Geometry>();
  private geometryAt = -1;
  private background = '#ffffff';
  private damage: Rect = EMPTY_RECT;
  private rasterDamage: { layer: number; rect: Rect }[] = [];
  private flashing: { layer: number; rect: Rect; until: number }[] = [];
  private latency: number[] = [];
  private seq = 0;
  private version = 0;
  private unacked = 0;
  private lastSlots: number[] = [];
  /** Shown in a window; when hidden, the compositor thread rasters nothing and sends no frame for it. */
  private shown = true;
  private hiddenAt = 0;
  wheelListeners = false;

  constructor(
    readonly tabId: number,
    private viewport: { w: number; h: number },
    private overlays: RenderingOverlays,
    private readonly sink: Pick<FrameSinkClient, 'addPool' | 'removePool'>,
  ) {
    this.surfaceId = `tab:${tabId}`;
    this.pool = AnonymousSharedMemory.create(`minium-tile-pool:${this.surfaceId}`, POOL_SLOTS * TILE_BYTES);
    this.poolId = sink.addPool(this.pool.descriptor.fd, POOL_SLOTS);
    this.tiles = new TileManager(this.slots, this.pool.descriptor, (layer, tile) => {
      this.rasterDamage.push({ layer, rect: tile.rect });
      if (this.overlays.paintFlashing)
        this.flashing.push({ layer, rect: tile.rect, until: performance.now() + FLASH_MS });
    });
  }

  commit(page: PagePaint, viewport: { w: number; h: number }, latency: number[]): void {
    this.viewport = viewport;
    this.background = frameColor(page.background);
    this.wheelListeners = page.wheelListeners;
    this.layers = page.layers;
    this.tiles.commit(page.layers);
    const now = performance.now();
    for (const l of page.layers) {
      const name = l.animation?.spec.name;
      if (!name) this.animationStart.delete(l.id);
      else if (this.animationStart.get(l.id)?.name !== name) this.animationStart.set(l.id, { name, at: now });
      if (l.scrollable) this.clampScroll(l);
    }
    this.latency.push(...latency);
    this.damage = this.fullViewport();
    this.geometryAt = -1;
  }

  setOverlays(overlays: RenderingOverlays): void {
    this.overlays = overlays;
    this.damage = this.fullViewport();
  }

  // --- input ------------------------------------------------------------------------------

  /** The topmost layer under a viewport point, and the point in that layer's contents. */
  hitTest(x: number, y: number): { layer: number; x: number; y: number } {
    this.updateGeometry(performance.now());
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const l = this.layers[i];
      const g = this.geometry.get(l.id);
      if (!g || !inside(g.clip, x, y)) continue;
      const inv = invert(g.layerToScreen);
      const p = inv && apply(inv, x, y);
      if (l.parent !== null && (!p || p.x < 0 || p.y < 0 || p.x >= l.bounds.w || p.y >= l.bounds.h)) continue;
      const c = apply(invert(g.contentToScreen) ?? g.contentToScreen, x, y);
      return { layer: l.id, x: c.x, y: c.y };
    }
    return { layer: 0, x, y };
  }

  /**
   * Scrolls the innermost scroller under the point that can move in that direction, else the
   * document (scroll chaining). Returns whether anything moved.
   */
  scrollAt(x: number, y: number, dx: number, dy: number, inputId?: number): boolean {
    const byId = new Map(this.layers.map((l) => [l.id, l]));
    for (let l = byId.get(this.hitTest(x, y).layer); l; l = l.parent === null ? undefined : byId.get(l.parent)) {
      if (l.scrollable && this.scrollLayer(l, dx, dy)) {
        if (inputId !== undefined) this.latency.push(inputId);
        return true;
      }
    }
    return false;
  }

  scrollOffset(layer = 0): { x: number; y: number } {
    return { ...(this.scroll.get(layer) ?? { x: 0, y: 0 }) };
  }

  private scrollLayer(l: LayerData, dx: number, dy: number): boolean {
    const before = this.scrollOffset(l.id);
    this.scroll.set(l.id, { x: before.x + dx, y: before.y + dy });
    const after = this.clampScroll(l);
    this.geometryAt = -1;
    return after.x !== before.x || after.y !== before.y;
  }

  private clampScroll(l: LayerData): { x: number; y: number } {
    const s = this.scroll.get(l.id) ?? { x: 0, y: 0 };
    const c = {
      x: Math.round(Math.max(0, Math.min(s.x, l.contentSize.w - l.bounds.w))),
      y: Math.round(Math.max(0, Math.min(s.y, l.contentSize.h - l.bounds.h))),
    };
    this.scroll.set(l.id, c);
    return c;
  }

  /**
   * A latency id to report with the next frame (an input handled by the main thread with no visible
   * change still ends there).
   */
  addLatency(inputId: number): void {
    this.latency.push(inputId);
  }

  // --- frames -----------------------------------------------------------------------------

  takeRasterJobs(now: number, nextTaskId: () => number): RasterJob[] {
    this.updateGeometry(now);
    const visibility = new Map<number, { visible: Rect; interest: Rect }>();
    for (const l of this.layers) {
      const g = this.geometry.get(l.id);
      const inv = g && invert(g.contentToScreen);
      const content = { x: 0, y: 0, ...l.contentSize };
      if (!g || !inv) continue;
      const visible = intersect(transformRect(inv, intersect(g.clip, this.fullViewport())), content);
      const { w, h } = this.viewport;
      const interest = intersect(
        { x: visible.x - w / 2, y: visible.y - h, w: visible.w + w, h: visible.h + 2 * h },
        content,
      );
      visibility.set(l.id, { visible, interest: isEmpty(visible) ? EMPTY_RECT : interest });
    }
    return this.tiles.prepareTiles(visibility, nextTaskId);
  }

  get visible(): boolean {
    return this.shown;
  }

  /**
   * Hidden, the tab is occluded: its animations pause (their clocks stop) and it makes no frames.
   * Shown again, its animations resume where they were and its next frame is whole.
   */
  setVisible(visible: boolean, now: number): void {
    if (visible === this.shown) return;
    this.shown = visible;
    if (!visible) {
      this.hiddenAt = now;
      return;
    }
    for (const start of this.animationStart.values()) start.at += now - this.hiddenAt;
    this.damage = this.fullViewport();
    this.geometryAt = -1;
  }

  /**
   * Whether this tab needs the next vsync (cc's scheduler asking its BeginFrameSource): while a
   * change waits to be drawn, an animation runs, tiles wait for a slot, or the frame-rate meter is
   * on. A static page, once drawn, needs none.
   */
  needsBeginFrame(now: number): boolean {
    if (!this.shown) return false;
    if (!isEmpty(this.damage) || this.rasterDamage.length || this.flashing.length || this.latency.length) return true;
    if (this.tiles.evicted || this.tiles.starved || this.overlays.fpsMeter) return true;
    // One vsync more than the animation runs, to draw where it ends.
    return this.animating(now, 2 * (1000 / 60));
  }

  /** The frame for this vsync, or null if nothing changed or the display compositor is behind. */
  produceFrame(now: number): SubmitFrame | null {
    this.skipped = 'behind';
    if (this.unacked >= MAX_FRAMES_IN_FLIGHT) return null;
    this.skipped = 'no-damage';
    const previous = this.presented;
    this.updateGeometry(now);
    let damage = this.damage;
    for (const [id, g] of this.geometry) {
      const old = previous.get(id);
      if (old?.signature !== g.signature)
        damage = union(damage, union(old ? this.drawnRect(id, old) : EMPTY_RECT, this.drawnRect(id, g)));
    }
    for (const d of this.rasterDamage.splice(0)) {
      const g = this.geometry.get(d.layer);
      if (g) damage = union(damage, intersect(transformRect(g.contentToScreen, d.rect), g.clip));
    }
    this.flashing = this.flashing.filter((f) => {
      const g = this.geometry.get(f.layer);
      if (g) damage = union(damage, intersect(transformRect(g.contentToScreen, f.rect), g.clip));
      return f.until > now;
    });
    if (this.overlays.fpsMeter) {
      const hudDamage = this.hud.update(
        now,
        this.viewport,
        this.slots,
        this.pool,
        () => ++this.version,
        this.frameMetrics,
      );
      if (hudDamage) damage = union(damage, hudDamage);
    }
    damage = intersect(roundOut(damage), this.fullViewport());
    const evicted = this.tiles.evicted;
    if (isEmpty(damage) && !evicted && !this.latency.length) return null;
    this.skipped = null;
    this.tiles.evicted = false;
    this.presented = this.geometry;
    const { quads, used } = this.quads(now);
    this.damage = EMPTY_RECT;
    const seq = ++this.seq;
    this.slots.submitted(seq, used);
    this.lastSlots = used;
    this.unacked++;
    this.hud.frameProduced(now);
    const latency = this.latency.splice(0, LIMITS.inputIdsPerFrame);
    return {
      type: 'submit-frame',
      surfaceId: this.surfaceId,
      seq,
      size: this.viewport,
      poolId: this.poolId,
      background: this.background,
      quads,
      damage,
      ...(latency.length ? { latency } : {}),
    };
  }

  private quads(now: number): { quads: Quad[]; used: number[] } {
    const quads: Quad[] = [];
    const used: number[] = [];
    const borders: Quad[] = [];
    for (const l of this.layers) {
      const g = this.geometry.get(l.id);
      if (!g) continue;
      if (l.plugin) {
        if (l.plugin.surfaceId)
          quads.push({
            kind: 'surface',
            surfaceId: l.plugin.surfaceId,
            rect: transformRect(g.layerToScreen, { x: 0, y: 0, w: l.bounds.w, h: l.bounds.h }),
            clip: g.clip,
          });
        continue;
      }
      for (const t of this.tiles.tiles(l.id)) {
        if (t.slot === null) continue;
        used.push(t.slot); // every resident tile keeps its slot, on screen or not
        const onScreen = !isEmpty(intersect(transformRect(g.contentToScreen, t.rect), g.clip));
        if (!onScreen) continue;
        quads.push({
          kind: 'tile',
          slot: t.slot,
          version: t.version,
          rect: t.rect,
          transform: g.contentToScreen,
          opacity: Math.max(0, Math.min(1, g.opacity)),
          clip: g.clip,
        });
        if (this.overlays.tileBorders && t.rasteredBy !== null) {
          const inset = { x: t.rect.x + 1, y: t.rect.y + 1, w: t.rect.w - 2, h: t.rect.h - 2 };
          borders.push({
            kind: 'solid',
            rect: inset,
            transform: g.contentToScreen,
            color: rasterThreadColor(t.rasteredBy),
            stroke: 2,
            clip: g.clip,
          });
        }
      }
    }
    quads.push(...borders);
    for (const f of this.flashing) {
      const g = this.geometry.get(f.layer);
      if (g && f.until > now)
        quads.push({
          kind: 'solid',
          rect: f.rect,
          transform: g.contentToScreen,
          color: 'rgba(0, 200, 0, 0.35)',
          clip: g.clip,
        });
    }
    if (this.overlays.fpsMeter && this.hud.slot !== null) {
      const r = this.hud.rect(this.viewport);
      used.push(this.hud.slot);
      quads.push({
        kind: 'tile',
        slot: this.hud.slot,
        version: this.hud.version,
        rect: { x: 0, y: 0, w: r.w, h: r.h },
        transform: [1, 0, 0, 1, r.x, r.y],
        opacity: 1,
      });
    }
    return { quads, used };
  }

  /** Each layer's place on screen now: parents first, as the main thread listed them. */
  private updateGeometry(now: number): void {
    if (now === this.geometryAt) return; // raster scheduling and the frame of one vsync share it
    this.geometryAt = now;
    const next = new Map<number, Geometry>();
    const viewport = this.fullViewport();
    for (const l of this.layers) {
      const parent = l.parent === null ? null : next.get(l.parent);
      if (l.parent !== null && !parent) continue;
      const start = this.animationStart.get(l.id);
      const sample = l.animation && start ? sampleAnimation(l.animation, now - start.at) : null;
      const transform = sample?.transform ?? l.transform;
      const local = multiply(
        multiply(translation(l.bounds.x + l.origin.x, l.bounds.y + l.origin.y), toMatrix(transform)),
        translation(-l.origin.x, -l.origin.y),
      );
      const layerToScreen = parent ? multiply(parent.contentToScreen, local) : ([1, 0, 0, 1, 0, 0] as Matrix);
      const s = l.scrollable ? this.scrollOffset(l.id) : { x: 0, y: 0 };
      const contentToScreen = multiply(layerToScreen, translation(-s.x, -s.y));
      const parentClip = parent?.clip ?? viewport;
      const clip = l.scrollable
        ? intersect(parentClip, roundOut(transformRect(layerToScreen, { x: 0, y: 0, w: l.bounds.w, h: l.bounds.h })))
        : parentClip;
      const opacity = (parent?.opacity ?? 1) * (sample?.opacity ?? l.opacity);
      next.set(l.id, {
        layerToScreen,
        contentToScreen,
        clip,
        opacity,
        signature: JSON.stringify([contentToScreen, clip, opacity]),
      });
    }
    this.geometry = next;
  }

  private drawnRect(id: number, g: Geometry): Rect {
    const l = this.layers.find((x) => x.id === id);
    if (!l) return EMPTY_RECT;
    return intersect(roundOut(transformRect(g.contentToScreen, { x: 0, y: 0, ...l.contentSize })), g.clip);
  }

  private fullViewport(): Rect {
    return { x: 0, y: 0, ...this.viewport };
  }

  get framesPerSecond(): number {
    return this.hud.fps;
  }

  /**
   * Whether a compositor animation (transform or opacity) runs at `now`, or ran until `slackMs`
   * before it: it needs a frame every vsync.
   */
  animating(now: number, slackMs = 0): boolean {
    return this.layers.some((l) => {
      const start = l.animation && this.animationStart.get(l.id);
      if (!l.animation || !start) return false;
      const { delayMs, durationMs, iterations } = l.animation.spec;
      return now - start.at < delayMs + durationMs * iterations + slackMs;
    });
  }

  acknowledged(seq: number): void {
    this.slots.acknowledged(seq);
    this.unacked = Math.max(0, this.unacked - 1);
  }

  /** A new display compositor knows nothing: send everything again (the pixels are still in the pool). */
  displayReset(): void {
    this.slots.reset(this.lastSlots);
    this.unacked = 0;
    this.damage = this.fullViewport();
  }

  tileOwners(): { layer: number; rect: Rect; thread: number | null }[] {
    return this.tiles.owners();
  }

  dispose(): void {
    this.sink.removePool(this.poolId);
    this.pool.close();
  }
}

function inside(r: Rect, x: number, y: number): boolean {
  return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

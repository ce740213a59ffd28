/**
 * One tab's committed layer tree on the compositor thread (cc's LayerTreeHostImpl, small):
 * splits layers into tiles, decides which tiles need raster, animates layers every vsync, and
 * builds the frame for the display compositor with the region that changed.
 */
import { EMPTY_RECT, intersect, isEmpty, type Rect, tileGrid, transformRect, union } from '../../../common/geometry';
import type { Quad, SubmitFrame } from '../../../common/protocol';
import { TILE_BYTES, TILE_SIZE, tilePoolName } from '../../../common/tiles';
import { SharedMemoryRegion } from '../../../platform/native';
import { SlotAllocator } from '../../../viz/client/SlotAllocator';
import { itemBounds } from '../page/DisplayList';
import type { LayerData, PagePaint } from '../page/PageBuilder';
import type { RasterTask } from '../threadMessages';
import { sampleAnimation } from './Animations';

export const POOL_SLOTS = 96;
const MAX_FRAMES_IN_FLIGHT = 2;

interface Tile {
  rect: Rect;
  slot: number | null;
  version: number;
  dirty: boolean;
  pendingTask: number | null;
  /** Index of the raster thread that drew the tile's current pixels. */
  rasteredBy: number | null;
}

interface Layer {
  data: LayerData;
  key: string;
  tiles: Tile[];
  drawn: Rect; // where it was on screen in the last frame
}

let poolSerial = 0;

export class LayerTreeHostImpl {
  readonly surfaceId: string;
  private readonly pool: SharedMemoryRegion;
  private readonly slots = new SlotAllocator(POOL_SLOTS);
  private layers = new Map<number, Layer>();
  private background = '#ffffff';
  private damage: Rect = EMPTY_RECT;
  private seq = 0;
  private version = 0;
  private unacked = 0;
  private lastSlots: number[] = [];
  private readonly startedAt = performance.now();

  constructor(
    readonly tabId: number,
    private viewport: { w: number; h: number },
  ) {
    this.surfaceId = `tab:${tabId}`;
    this.pool = SharedMemoryRegion.create(tilePoolName(process.pid, ++poolSerial), POOL_SLOTS * TILE_BYTES);
  }

  commit(page: PagePaint, viewport: { w: number; h: number }): void {
    this.viewport = viewport;
    this.background = page.background;
    const next = new Map<number, Layer>();
    for (const data of page.layers) {
      const key = JSON.stringify([data.bounds, data.items, data.plugin]);
      const old = this.layers.get(data.id);
      if (old && old.key === key) {
        old.data = data;
        next.set(data.id, old);
        continue;
      }
      const tiles = data.plugin ? [] : tileGrid(data.bounds.w, data.bounds.h, TILE_SIZE).map((rect) => ({ rect, slot: null, version: 0, dirty: true, pendingTask: null, rasteredBy: null }));
      next.set(data.id, { data, key, tiles, drawn: old?.drawn ?? EMPTY_RECT });
      if (old) this.damage = union(this.damage, old.drawn);
    }
    for (const [id, old] of this.layers) if (!next.has(id)) this.damage = union(this.damage, old.drawn);
    this.layers = next;
    this.damage = union(this.damage, { x: 0, y: 0, ...this.viewport });
  }

  /** Raster tasks for dirty tiles, as far as free slots allow. Visible tiles come first. */
  takeRasterTasks(nextTaskId: () => number): { task: RasterTask; done: (ok: boolean, thread: number) => void }[] {
    const out: { task: RasterTask; done: (ok: boolean, thread: number) => void }[] = [];
    const visible = { x: 0, y: 0, ...this.viewport };
    const candidates: { layer: Layer; tile: Tile; visible: boolean }[] = [];
    for (const layer of this.layers.values()) {
      for (const tile of layer.tiles) {
        if (!tile.dirty || tile.pendingTask !== null) continue;
        const onScreen = !isEmpty(intersect(transformRect([1, 0, 0, 1, layer.data.bounds.x, layer.data.bounds.y], tile.rect), visible));
        candidates.push({ layer, tile, visible: onScreen });
      }
    }
    candidates.sort((a, b) => Number(b.visible) - Number(a.visible));
    for (const { layer, tile } of candidates) {
      const slot = this.slots.allocate();
      if (slot === null) break;
      const taskId = nextTaskId();
      tile.pendingTask = taskId;
      tile.dirty = false;
      const items = layer.data.items.filter((i) => !isEmpty(intersect(itemBounds(i), tile.rect)));
      out.push({
        task: { taskId, pool: { name: this.pool.name, slots: POOL_SLOTS }, slot, tile: tile.rect, items },
        done: (ok, thread) => {
          const current = tile.pendingTask === taskId && this.layers.get(layer.data.id) === layer;
          tile.pendingTask = null;
          if (!current) return this.slots.release(slot); // superseded by a newer commit
          if (!ok) {
            tile.dirty = true; // try again, on another thread
            return this.slots.release(slot);
          }
          tile.slot = slot;
          tile.version = ++this.version;
          tile.rasteredBy = thread;
          this.damage = union(this.damage, layer.drawn);
        },
      });
    }
    return out;
  }

  /** The frame for this vsync, or null if nothing changed or the display compositor is behind. */
  produceFrame(now: number): SubmitFrame | null {
    if (this.unacked >= MAX_FRAMES_IN_FLIGHT) return null;
    const quads: Quad[] = [];
    const used: number[] = [];
    let damage = this.damage;
    for (const layer of this.layers.values()) {
      const d = layer.data;
      if (d.plugin) {
        if (d.plugin.surfaceId) quads.push({ kind: 'surface', surfaceId: d.plugin.surfaceId, rect: d.bounds });
        layer.drawn = d.bounds;
        continue;
      }
      const { transform, opacity } = sampleAnimation(d.animation?.name, now - this.startedAt, d.animation?.durationMs ?? 1, d.bounds);
      const drawn = transformRect(transform, { x: 0, y: 0, w: d.bounds.w, h: d.bounds.h });
      if (d.animation) damage = union(damage, union(layer.drawn, drawn));
      layer.drawn = drawn;
      for (const t of layer.tiles) {
        if (t.slot === null) continue;
        quads.push({ kind: 'tile', slot: t.slot, version: t.version, rect: t.rect, transform, opacity });
        used.push(t.slot);
      }
    }
    damage = intersect(damage, { x: 0, y: 0, ...this.viewport });
    if (isEmpty(damage)) return null;
    this.damage = EMPTY_RECT;
    const seq = ++this.seq;
    this.slots.submitted(seq, used);
    this.lastSlots = used;
    this.unacked++;
    return { type: 'submit-frame', surfaceId: this.surfaceId, seq, size: this.viewport, pool: { name: this.pool.name, slots: POOL_SLOTS }, background: this.background, quads, damage };
  }

  get poolName(): string {
    return this.pool.name;
  }

  acknowledged(seq: number): void {
    this.slots.acknowledged(seq);
    this.unacked = Math.max(0, this.unacked - 1);
  }

  /** A new display compositor knows nothing: send everything again (the pixels are still in the pool). */
  displayReset(): void {
    this.slots.reset(this.lastSlots);
    this.unacked = 0;
    this.damage = { x: 0, y: 0, ...this.viewport };
  }

  /** Which raster thread drew each tile, for the tile-border overlay and the tests. */
  tileOwners(): { layer: number; rect: Rect; thread: number | null }[] {
    return [...this.layers.values()].flatMap((l) => l.tiles.map((t) => ({ layer: l.data.id, rect: t.rect, thread: t.rasteredBy })));
  }

  dispose(): void {
    this.pool.close();
  }
}

/**
 * Decides which tiles to raster and in what order (cc's TileManager, small). Each layer's
 * contents are cut into 256×256 tiles; a commit invalidates only the tiles whose display items
 * changed. Tiles on screen go first, then those within a screenful of it; tiles far from the
 * screen give their shared-memory slot back when the pool runs short.
 */
import { intersect, isEmpty, type Rect } from '../../../common/geometry';
import { TILE_SIZE } from '../../../common/tiles';
import type { SameProcessDescriptor } from '../../../platform/AnonymousSharedMemory';
import type { SlotAllocator } from '../../../viz/client/SlotAllocator';
import type { LayerData } from '../commit/PagePaint';
import { type DisplayItem, itemBounds } from '../paint/DisplayList';
import type { RasterTask } from '../threadMessages';

export interface Tile {
  rect: Rect;
  /** The tile's display items as text: equal text, equal pixels. */
  key: string;
  items: DisplayItem[];
  slot: number | null;
  version: number;
  dirty: boolean;
  pendingTask: number | null;
  /** Index of the raster thread that drew the tile's current pixels. */
  rasteredBy: number | null;
  rasteredAt: number;
}

export interface RasterJob {
  task: RasterTask;
  done: (ok: boolean, thread: number) => void;
}

/** Where a layer is seen, in its own content coordinates. */
export interface LayerVisibility {
  visible: Rect;
  interest: Rect;
}

export const MAX_LAYER_EXTENT = 16_384;

export class TileManager {
  private readonly tilings = new Map<number, Map<string, Tile>>();
  private version = 0;
  /**
   * A slot stays busy while a frame the display compositor holds references it, so an evicted
   * tile's slot frees only once a frame without it is acknowledged: the host must send one.
   */
  evicted = false;
  /** The last `prepareTiles` left tiles of interest waiting for a free slot. */
  starved = false;

  constructor(
    private readonly slots: SlotAllocator,
    private readonly pool: SameProcessDescriptor,
    private readonly onRastered: (layer: number, tile: Tile) => void,
  ) {}

  /** Takes a commit's layers: tiles whose items changed become dirty and keep their old pixels until redrawn. */
  commit(layers: LayerData[]): void {
    const seen = new Set<number>();
    for (const layer of layers) {
      seen.add(layer.id);
      if (layer.plugin) continue;
      const old = this.tilings.get(layer.id) ?? new Map<string, Tile>();
      const next = new Map<string, Tile>();
      const w = Math.min(layer.contentSize.w, MAX_LAYER_EXTENT);
      const h = Math.min(layer.contentSize.h, MAX_LAYER_EXTENT);
      const buckets = bucketItems(layer.items, w, h);
      for (let y = 0; y < h; y += TILE_SIZE) {
        for (let x = 0; x < w; x += TILE_SIZE) {
          const k = `${x},${y}`;
          const items = buckets.get(k) ?? [];
          const key = JSON.stringify(items);
          const rect = { x, y, w: Math.min(TILE_SIZE, w - x), h: Math.min(TILE_SIZE, h - y) };
          const prev = old.get(k);
          old.delete(k);
          if (prev && prev.key === key && prev.rect.w === rect.w && prev.rect.h === rect.h) {
            next.set(k, prev);
            continue;
          }
          // Old pixels stay on screen until the new ones are drawn, as Chromium keeps stale tiles.
          next.set(k, {
            rect,
            key,
            items,
            slot: prev?.slot ?? null,
            version: prev?.version ?? 0,
            dirty: true,
            pendingTask: null,
            rasteredBy: prev?.rasteredBy ?? null,
            rasteredAt: prev?.rasteredAt ?? 0,
          });
        }
      }
      for (const t of old.values()) if (t.slot !== null) this.slots.release(t.slot);
      this.tilings.set(layer.id, next);
    }
    for (const [id, tiling] of this.tilings) {
      if (seen.has(id)) continue;
      for (const t of tiling.values()) if (t.slot !== null) this.slots.release(t.slot);
      this.tilings.delete(id);
    }
  }

  tiles(layer: number): Iterable<Tile> {
    return this.tilings.get(layer)?.values() ?? [];
  }

  /** Raster jobs for dirty tiles of interest, visible ones first, as far as free slots allow. */
  prepareTiles(visibility: Map<number, LayerVisibility>, nextTaskId: () => number): RasterJob[] {
    const candidates: { layer: number; tile: Tile; priority: number }[] = [];
    for (const [layer, tiling] of this.tilings) {
      const v = visibility.get(layer);
      if (!v) continue;
      for (const tile of tiling.values()) {
        if (!tile.dirty || tile.pendingTask !== null) continue;
        const priority = !isEmpty(intersect(tile.rect, v.visible))
          ? 0
          : !isEmpty(intersect(tile.rect, v.interest))
            ? 1
            : -1;
        if (priority >= 0) candidates.push({ layer, tile, priority });
      }
    }
    candidates.sort(
      (a, b) => a.priority - b.priority || a.tile.rect.y - b.tile.rect.y || a.tile.rect.x - b.tile.rect.x,
    );
    const jobs: RasterJob[] = [];
    for (const c of candidates) {
      const slot = this.slots.allocate() ?? (c.priority === 0 ? this.evictOne(visibility) : null);
      if (slot === null) break;
      jobs.push(this.job(c.layer, c.tile, slot, nextTaskId()));
    }
    this.starved = jobs.length < candidates.length;
    return jobs;
  }

  /** Frees the slot of a tile outside every layer's interest area (it is drawn again if it comes back). */
  private evictOne(visibility: Map<number, LayerVisibility>): number | null {
    for (const [layer, tiling] of this.tilings) {
      const v = visibility.get(layer);
      for (const tile of tiling.values()) {
        if (tile.slot === null || tile.pendingTask !== null) continue;
        if (v && !isEmpty(intersect(tile.rect, v.interest))) continue;
        this.slots.release(tile.slot);
        tile.slot = null;
        tile.dirty = true;
        this.evicted = true;
        const slot = this.slots.allocate();
        if (slot !== null) return slot;
      }
    }
    return null;
  }

  private job(layer: number, tile: Tile, slot: number, taskId: number): RasterJob {
    tile.pendingTask = taskId;
    tile.dirty = false;
    return {
      task: { taskId, pool: this.pool, slot, tile: tile.rect, items: tile.items },
      done: (ok, thread) => {
        // A commit that changed the tile's items replaced the tile object: these pixels are stale.
        const current =
          tile.pendingTask === taskId && this.tilings.get(layer)?.get(`${tile.rect.x},${tile.rect.y}`) === tile;
        tile.pendingTask = null;
        if (!current || !ok) {
          if (current) tile.dirty = true; // try again, on another thread
          return this.slots.release(slot);
        }
        if (tile.slot !== null) this.slots.release(tile.slot);
        tile.slot = slot;
        tile.version = ++this.version;
        tile.rasteredBy = thread;
        tile.rasteredAt = performance.now();
        this.onRastered(layer, tile);
      },
    };
  }

  /** Which raster thread drew each tile, for the tile-border overlay and the tests. */
  owners(): { layer: number; rect: Rect; thread: number | null }[] {
    return [...this.tilings].flatMap(([layer, tiling]) =>
      [...tiling.values()].map((t) => ({ layer, rect: t.rect, thread: t.rasteredBy })),
    );
  }
}

/** Files each item under every tile its bounds touch, in one pass over the list. */
function bucketItems(items: DisplayItem[], w: number, h: number): Map<string, DisplayItem[]> {
  const buckets = new Map<string, DisplayItem[]>();
  for (const item of items) {
    const b = intersect(itemBounds(item), { x: 0, y: 0, w, h });
    if (isEmpty(b)) continue;
    for (let ty = Math.floor(b.y / TILE_SIZE) * TILE_SIZE; ty < b.y + b.h; ty += TILE_SIZE) {
      for (let tx = Math.floor(b.x / TILE_SIZE) * TILE_SIZE; tx < b.x + b.w; tx += TILE_SIZE) {
        const k = `${tx},${ty}`;
        (buckets.get(k) ?? buckets.set(k, []).get(k)!).push(item);
      }
    }
  }
  return buckets;
}

/**
 * Raster throughput (CLAIMS.md RT5): tiles per second that a pool of 1, 2 and 4 raster threads
 * draws from the heavy-gradients page. The pool is the renderer's own: the same raster thread
 * script, the same dispatcher, tiles written into a real anonymous shared-memory pool; the display
 * list is the one the renderer's main thread paints for that page.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { createCanvas } from '@napi-rs/canvas';
import { TILE_BYTES } from '../common/tiles';
import { AnonymousSharedMemory } from '../platform/AnonymousSharedMemory';
import { ASSETS_DIR } from '../platform/paths';
import { RasterDispatcher } from '../processes/renderer/compositor/RasterDispatcher';
import { registerFonts } from '../processes/shared/Fonts';
import { FrameView } from '../processes/renderer/page/FrameView';
import { parseHtml } from '../processes/renderer/page/dom/parseHtml';
import { type DisplayItem, itemBounds } from '../processes/renderer/paint/DisplayList';
import type { RasterTask } from '../processes/renderer/threadMessages';
import { intersect, isEmpty, type Rect, tileGrid } from '../common/geometry';
import { type BenchResult, median } from './harness';

const PAGE = path.join(ASSETS_DIR, 'sites', 'gradients.example', 'index.html');
/** Each configuration draws the page over and over for at least this long: short runs are noise. */
const MEASURE_MS = 1500;

/** Every tile of every layer of the page, with the items that touch it. */
export function heavyPageTiles(): { rect: Rect; items: DisplayItem[] }[] {
  registerFonts();
  const ctx = createCanvas(1, 1).getContext('2d');
  const view = new FrameView(
    parseHtml(fs.readFileSync(PAGE, 'utf8')),
    { w: 960, h: 600 },
    (t, f) => ((ctx.font = f), ctx.measureText(t).width),
    () => 0,
  );
  return view.update().layers.flatMap((l) =>
    tileGrid(l.contentSize.w, l.contentSize.h, 256).map((rect) => ({
      rect,
      items: l.items.filter((i) => !isEmpty(intersect(itemBounds(i), rect))),
    })),
  );
}

/** Tiles per second drawn by `threads` raster threads, drawing every tile of the page again and again. */
export async function rasterRate(threads: number, tiles: { rect: Rect; items: DisplayItem[] }[]): Promise<number> {
  const pool = AnonymousSharedMemory.create('minium-tile-pool:bench', tiles.length * TILE_BYTES);
  const workers: Worker[] = [];
  const dispatcher = new RasterDispatcher((m) => process.stderr.write(`${m}\n`));
  try {
    for (let i = 1; i <= threads; i++) {
      const { port1, port2 } = new MessageChannel();
      workers.push(
        new Worker(path.join(__dirname, '../processes/renderer/threads/raster.js'), {
          workerData: { port: port1, index: i },
          transferList: [port1],
        }),
      );
      dispatcher.attach(i, port2);
    }
    const run = (round: number) =>
      new Promise<void>((resolve, reject) => {
        let left = tiles.length;
        dispatcher.enqueue(
          tiles.map((t, slot) => ({
            task: {
              taskId: round * tiles.length + slot + 1,
              pool: pool.descriptor,
              slot,
              tile: t.rect,
              items: t.items,
            } satisfies RasterTask,
            done: (ok: boolean) =>
              ok ? --left === 0 && resolve() : reject(new Error(`a raster task failed on ${threads} threads`)),
          })),
        );
      });
    await run(0); // warm up: fonts, shaders, the pool's pages
    const started = performance.now();
    let rounds = 0;
    while (performance.now() - started < MEASURE_MS) await run(++rounds);
    return (rounds * tiles.length * 1000) / (performance.now() - started);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    pool.close();
  }
}

/**
 * Each pool size is measured three times, the sizes interleaved (1, 2, 4, 1, 2, 4, …), and the
 * median kept: a shared machine's load then weighs on every size alike.
 */
export async function rasterThroughput(): Promise<BenchResult> {
  const tiles = heavyPageTiles();
  const sizes = [1, 2, 4];
  const samples = new Map<number, number[]>(sizes.map((n) => [n, []]));
  for (let round = 0; round < 3; round++) for (const n of sizes) samples.get(n)!.push(await rasterRate(n, tiles));
  const one = median(samples.get(1)!);
  return {
    name: 'raster',
    rows: sizes.map((n) => ({
      metric: `raster throughput, heavy gradients page (${tiles.length} tiles), ${n} raster thread${n > 1 ? 's' : ''} (median of 3)`,
      unit: 'tiles/s',
      value: median(samples.get(n)!),
      baseline: { what: '1 raster thread, same run', value: one },
    })),
  };
}

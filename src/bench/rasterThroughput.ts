/**
 * Raster throughput (CLAIMS.md RT5): tiles per second that a pool of 1, 2 and 4 raster threads
 * draws from the heavy-gradients page. Everything is the renderer's own: the display list its main
 * thread paints for that page, its TileManager cutting that list into tiles and items and handing
 * out raster jobs with shared-memory slots, its dispatcher and raster thread script, tiles written
 * into a real anonymous shared-memory pool of the compositor's size.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { createCanvas } from '@napi-rs/canvas';
import { TILE_BYTES } from '../common/tiles';
import { AnonymousSharedMemory } from '../platform/AnonymousSharedMemory';
import { ASSETS_DIR } from '../platform/paths';
import { POOL_SLOTS } from '../processes/renderer/compositor/LayerTreeHostImpl';
import { RasterDispatcher } from '../processes/renderer/compositor/RasterDispatcher';
import { type LayerVisibility, type RasterJob, TileManager } from '../processes/renderer/compositor/TileManager';
import { registerFonts } from '../processes/shared/Fonts';
import { FrameView } from '../processes/renderer/page/FrameView';
import { parseHtml } from '../processes/renderer/page/dom/parseHtml';
import type { LayerData } from '../processes/renderer/commit/PagePaint';
import { SlotAllocator } from '../viz/client/SlotAllocator';
import { type BenchResult, median } from './harness';

const PAGE = path.join(ASSETS_DIR, 'sites', 'gradients.example', 'index.html');
/** Each configuration draws the page over and over for at least this long: short runs are noise. */
const MEASURE_MS = 1500;

/** The page's layers as the renderer's main thread paints them in a 960×600 viewport. */
export function heavyPageLayers(): LayerData[] {
  registerFonts();
  const ctx = createCanvas(1, 1).getContext('2d');
  const view = new FrameView(
    parseHtml(fs.readFileSync(PAGE, 'utf8')),
    { w: 960, h: 600 },
    (t, f) => ((ctx.font = f), ctx.measureText(t).width),
    () => 0,
  );
  return view.update().layers;
}

/**
 * The whole page counts as on screen: the compositor at scroll 0 draws only the tiles within a
 * screenful of the viewport, the benchmark draws every tile it would draw while scrolling.
 */
const wholePage = (layers: LayerData[]): Map<number, LayerVisibility> =>
  new Map(
    layers.map((l) => {
      const all = { x: 0, y: 0, ...l.contentSize };
      return [l.id, { visible: all, interest: all }];
    }),
  );

/** Tiles drawn per second, and how many tiles the renderer's TileManager cut the page into. */
export interface RasterRate {
  tilesPerSecond: number;
  tiles: number;
}

/**
 * Tiles per second drawn by `threads` raster threads. Each round the TileManager takes the page
 * as a new commit (after an empty one, as a navigation does, so every tile is dirty again) and
 * hands out its raster jobs; the clock runs from the first job queued to the last tile drawn.
 */
export async function rasterRate(threads: number, layers: LayerData[]): Promise<RasterRate> {
  const pool = AnonymousSharedMemory.create('minium-tile-pool:bench', POOL_SLOTS * TILE_BYTES);
  const workers: Worker[] = [];
  const dispatcher = new RasterDispatcher((m) => process.stderr.write(`${m}\n`));
  let drawn = 0;
  const tiles = new TileManager(new SlotAllocator(POOL_SLOTS), pool.descriptor, () => drawn++);
  const visibility = wholePage(layers);
  let taskId = 0;
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
    const draw = (jobs: RasterJob[]) =>
      new Promise<void>((resolve, reject) => {
        let left = jobs.length;
        dispatcher.enqueue(
          jobs.map((job) => ({
            task: job.task,
            done: (ok: boolean, thread: number) => {
              job.done(ok, thread);
              if (!ok) reject(new Error(`raster task ${job.task.taskId} failed on ${threads} threads`));
              else if (--left === 0) resolve();
            },
          })),
        );
      });
    /** One round: the page committed anew and every tile drawn; resolves with the milliseconds spent drawing. */
    const round = async (): Promise<{ ms: number; tiles: number }> => {
      tiles.commit([]);
      tiles.commit(layers);
      const count = layers.reduce((n, l) => n + [...tiles.tiles(l.id)].length, 0);
      const jobs = tiles.prepareTiles(visibility, () => ++taskId);
      if (jobs.length !== count)
        throw new Error(`the TileManager handed out ${jobs.length} raster jobs for a page of ${count} tiles`);
      const before = drawn;
      const started = performance.now();
      await draw(jobs);
      const ms = performance.now() - started;
      if (drawn - before !== count)
        throw new Error(`the TileManager took ${drawn - before} of ${count} drawn tiles as current`);
      return { ms, tiles: count };
    };
    const { tiles: count } = await round(); // warm up: fonts, shaders, the pool's pages
    let ms = 0;
    let measured = 0;
    while (ms < MEASURE_MS) {
      const r = await round();
      ms += r.ms;
      measured += r.tiles;
    }
    return { tilesPerSecond: (measured * 1000) / ms, tiles: count };
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
  const layers = heavyPageLayers();
  const sizes = [1, 2, 4];
  const samples = new Map<number, RasterRate[]>(sizes.map((n) => [n, []]));
  for (let round = 0; round < 3; round++) for (const n of sizes) samples.get(n)!.push(await rasterRate(n, layers));
  const rate = (n: number) => median(samples.get(n)!.map((r) => r.tilesPerSecond));
  const tiles = samples.get(1)![0].tiles;
  return {
    name: 'raster',
    rows: sizes.map((n) => ({
      metric:
        `raster throughput, heavy gradients page (${tiles} tiles), ` +
        `${n} raster thread${n > 1 ? 's' : ''} (median of 3)`,
      unit: 'tiles/s',
      value: rate(n),
      baseline: { what: '1 raster thread, same run', value: rate(1) },
    })),
  };
}

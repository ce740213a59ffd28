/**
 * A raster thread (cc's CompositorTileWorker): turns a tile's display items into pixels with
 * Skia and writes them straight into the tab's shared-memory tile pool, which it maps from the
 * descriptor the compositor thread created (threads share the process's descriptors).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { createCanvas } from '@napi-rs/canvas';
import { TILE_BYTES, TILE_SIZE } from '../../../common/tiles';
import { mapSameProcess, type SameProcessDescriptor } from '../../../platform/AnonymousSharedMemory';
import type { MappedMemory } from '../../../platform/native';
import { answerHeapRequests, type HeapRequest } from '../../../platform/child/ThreadHeap';
import { FONT_FAMILY, MONO_FAMILY, registerFonts } from '../../shared/Fonts';
import { drawItems } from '../paint/drawItems';
import type { CrashOrder, RasterResult, RasterTask, ThreadStarted } from '../threadMessages';
import { crashThisThread } from './crash';
import { joinProcessTrace, processFlowId, tracer } from '../../../platform/tracing';
import { FLOWS } from '../../../common/TraceRecorder';

registerFonts();
const canvas = createCanvas(TILE_SIZE, TILE_SIZE);
const ctx = canvas.getContext('2d');
/** Mapped pools by inode: while mapped, no other file can have the same inode. */
const pools = new Map<number, MappedMemory>();
const {
  port,
  index,
  tracing,
  warmUp: warm,
} = workerData as {
  port: MessagePort;
  index: number;
  tracing: boolean;
  warmUp: boolean;
};
// Chromium's raster workers are CompositorTileWorker1…N; they follow the compositor in the list.
joinProcessTrace(`CompositorTileWorker${index}`, 2 + index, tracing);

const MAX_MAPPED_POOLS = 8;

/** Maps a tab's pool once and keeps the few most recent (a closed tab's pool is unmapped in time). */
function pool(d: SameProcessDescriptor): MappedMemory {
  let region = pools.get(d.inode);
  if (region) pools.delete(d.inode);
  else region = mapSameProcess(d, `tile pool (inode ${d.inode})`);
  pools.set(d.inode, region);
  if (pools.size > MAX_MAPPED_POOLS) {
    const [oldest, r] = pools.entries().next().value!;
    r.close();
    pools.delete(oldest);
  }
  return region;
}

port.on('message', (task: RasterTask) => {
  tracer.slice(
    'RasterTask',
    () => {
      tracer.flow('f', FLOWS.raster, processFlowId(task.taskId));
      port.postMessage(raster(task));
    },
    { taskId: task.taskId, x: task.tile.x, y: task.tile.y, slot: task.slot },
  );
});

function raster(task: RasterTask): RasterResult {
  const started = performance.now();
  let result: RasterResult;
  try {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, TILE_SIZE, TILE_SIZE);
    ctx.translate(-task.tile.x, -task.tile.y);
    drawItems(ctx, task.items);
    const pixels = ctx.getImageData(0, 0, TILE_SIZE, TILE_SIZE).data;
    pool(task.pool).write(task.slot * TILE_BYTES, pixels);
    result = { taskId: task.taskId, thread: index, ok: true, ms: performance.now() - started };
  } catch (e) {
    // A pool whose tab closed meanwhile, or a bad item: fail this tile, keep the thread.
    result = { taskId: task.taskId, thread: index, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  return result;
}

answerHeapRequests(parentPort!);
parentPort!.on('message', (m: CrashOrder | HeapRequest) => {
  if (m.type === 'crash') crashThisThread(m.how, `raster-${index}`);
});
/**
 * Skia loads a font's glyphs and V8 compiles the drawing code on first use: draw a little of
 * everything once, thrown away, before saying we are started (the first real tile then runs warm).
 */
function warmUp(): void {
  const text = (font: string, y: number) => ({
    op: 'text' as const,
    x: 4,
    y,
    w: 240,
    text: 'Warm-up Ag 0123',
    font,
    size: 16,
    color: '#202124',
  });
  drawItems(ctx, [
    { op: 'rect', x: 0, y: 0, w: 256, h: 256, color: '#ffffff' },
    { op: 'rect', x: 8, y: 8, w: 64, h: 64, color: '#f28b82', radius: 8 },
    { op: 'stroke', x: 80, y: 8, w: 64, h: 64, color: '#1a73e8', width: 2, radius: 8 },
    {
      op: 'gradient',
      x: 152,
      y: 8,
      w: 64,
      h: 64,
      gradient: {
        kind: 'linear',
        angleDeg: 90,
        stops: [
          { color: '#fff', at: null },
          { color: '#e8f0fe', at: null },
        ],
      },
    },
    text(`16px "${FONT_FAMILY}"`, 100),
    text(`bold 16px "${FONT_FAMILY}"`, 124),
    text(`italic 16px "${FONT_FAMILY}"`, 148),
    text(`16px "${MONO_FAMILY}"`, 172),
  ]);
  ctx.getImageData(0, 0, TILE_SIZE, TILE_SIZE);
  ctx.clearRect(0, 0, TILE_SIZE, TILE_SIZE);
}
if (warm) warmUp();
parentPort!.postMessage({ type: 'started' } satisfies ThreadStarted);

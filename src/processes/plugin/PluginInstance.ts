/**
 * One embedded plugin: its own tile pool (anonymous shared memory, lent to the display compositor
 * as a descriptor) and a frame per tick, submitted straight to it as the surface `plugin:<id>`.
 */
import { createCanvas } from '@napi-rs/canvas';
import type { SubmitFrame } from '../../common/protocol';
import { TILE_BYTES, TILE_SIZE } from '../../common/tiles';
import { AnonymousSharedMemory } from '../../platform/AnonymousSharedMemory';
import type { FrameSinkClient } from '../../viz/client/FrameSinkClient';
import { SlotAllocator } from '../../viz/client/SlotAllocator';
import { drawClock } from './ClockPlugin';
import { FLOWS } from '../../common/TraceRecorder';
import { processFlowId, tracer } from '../../platform/tracing';

const SLOTS = 4;
/** Frames this process submitted while tracing, across instances: each one's Graphics.Pipeline flow id. */
let frameSerial = 0;

export class PluginInstance {
  private readonly pool: AnonymousSharedMemory;
  private readonly poolId: number;
  private readonly slots = new SlotAllocator(SLOTS);
  private readonly size: { w: number; h: number };
  private readonly canvas;
  private seq = 0;
  private unacked = 0;
  /** Its tab is shown; hidden, the instance draws nothing (and its process, with no instance shown, wakes for none). */
  visible: boolean;

  constructor(
    readonly instanceId: number,
    private readonly surfaceId: string,
    requested: { w: number; h: number },
    private readonly sink: FrameSinkClient,
    visible: boolean,
  ) {
    this.visible = visible;
    // One tile is enough for a plugin; a larger <embed> is scaled by the compositor.
    this.size = { w: Math.min(requested.w, TILE_SIZE), h: Math.min(requested.h, TILE_SIZE) };
    this.canvas = createCanvas(TILE_SIZE, TILE_SIZE);
    this.pool = AnonymousSharedMemory.create(`minium-tile-pool:${surfaceId}`, SLOTS * TILE_BYTES);
    this.poolId = sink.addPool(this.pool.descriptor.fd, SLOTS);
  }

  tick(): void {
    if (!this.visible || !this.sink.mayDraw(this.surfaceId) || this.unacked >= 2) return;
    const slot = this.slots.allocate();
    if (slot === null) return;
    tracer.slice('PluginInstance::Paint', () => this.paint(slot), { instanceId: this.instanceId });
    const seq = ++this.seq;
    const rect = { x: 0, y: 0, ...this.size };
    const frame: SubmitFrame = {
      type: 'submit-frame',
      surfaceId: this.surfaceId,
      seq,
      size: this.size,
      poolId: this.poolId,
      background: '#202124',
      quads: [{ kind: 'tile', slot, version: seq, rect, transform: [1, 0, 0, 1, 0, 0], opacity: 1 }],
      damage: rect,
    };
    this.slots.submitted(seq, [slot]);
    this.unacked++;
    tracer.slice('SubmitCompositorFrame', () => this.submit(frame), { surfaceId: this.surfaceId, seq });
  }

  /** Draws the next frame into the pool's `slot`. */
  private paint(slot: number): void {
    const ctx = this.canvas.getContext('2d');
    drawClock(ctx, this.size.w, this.size.h, new Date(), this.seq + 1);
    this.pool.write(slot * TILE_BYTES, ctx.getImageData(0, 0, TILE_SIZE, TILE_SIZE).data);
  }

  /** While tracing, the frame starts its flow to the display compositor that draws it. */
  private submit(frame: SubmitFrame): void {
    if (tracer.enabled) {
      frame.traceId = processFlowId(++frameSerial);
      tracer.flow('s', FLOWS.frame, frame.traceId);
    }
    this.sink.submit(frame);
  }

  acknowledged(seq: number): void {
    this.slots.acknowledged(seq);
    this.unacked = Math.max(0, this.unacked - 1);
  }

  displayReset(): void {
    this.slots.reset([]);
    this.unacked = 0;
  }

  dispose(): void {
    this.sink.removePool(this.poolId);
    this.pool.close();
  }
}

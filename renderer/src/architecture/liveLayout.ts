/**
 * Where the live figure puts each process: the browser on top, the GPU process (the display
 * compositor) at the bottom, every other child in a row between them, so IPC edges run down from
 * the browser and frame sinks and tile pools run down to the GPU process. Pure: processes in, boxes out.
 */
import type { ProcessInfo } from '../../../src/common/controlApi';

export const WIDTH = 1600;
export const HEIGHT = 940;
/** Left of the children's row: the browser ↔ GPU channel runs down this gutter. */
export const GUTTER = 190;
export const HEADER = 84;
export const THREAD_ROW = 32;
export const TAB_ROW = 44;
const GAP = 24;
const CHILD_TOP = 270;
const BOTTOM_BOX = 130;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const ROLE_ORDER: Record<string, number> = { renderer: 0, plugin: 1 };

export function boxHeight(p: ProcessInfo): number {
  return HEADER + p.threads.length * THREAD_ROW + (p.role === 'gpu' ? 0 : TAB_ROW) + 8;
}

export function layout(processes: ProcessInfo[]): Map<number, Box> {
  const boxes = new Map<number, Box>();
  const top = processes.filter((p) => p.role === 'browser');
  const bottom = processes.filter((p) => p.role === 'gpu');
  const middle = processes
    .filter((p) => p.role !== 'browser' && p.role !== 'gpu')
    .sort((a, b) => (ROLE_ORDER[a.role] ?? 2) - (ROLE_ORDER[b.role] ?? 2) || a.pid - b.pid);
  row(top, 16, 760, GUTTER, WIDTH - GUTTER, boxes);
  const w = Math.min(420, (WIDTH - GUTTER - 16 - (middle.length - 1) * GAP) / Math.max(1, middle.length));
  row(middle, CHILD_TOP, w, GUTTER, WIDTH - 16, boxes);
  row(bottom, HEIGHT - BOTTOM_BOX - 12, 640, GUTTER, WIDTH - GUTTER, boxes);
  return boxes;
}

/** Lays boxes of width `w` side by side, centred between `left` and `right`. */
function row(ps: ProcessInfo[], y: number, w: number, left: number, right: number, out: Map<number, Box>): void {
  const width = Math.min(w, (right - left - (ps.length - 1) * GAP) / Math.max(1, ps.length));
  const total = ps.length * width + (ps.length - 1) * GAP;
  let x = left + (right - left - total) / 2;
  for (const p of ps) {
    out.set(p.pid, { x, y, w: width, h: p.role === 'gpu' ? BOTTOM_BOX : boxHeight(p) });
    x += width + GAP;
  }
}

/** Where the tile pools sit: between the lowest child box and the GPU row. */
export function poolY(boxes: Map<number, Box>, processes: ProcessInfo[]): number {
  const gpuTop = HEIGHT - BOTTOM_BOX - 12;
  const lowest = Math.max(
    CHILD_TOP,
    ...processes
      .filter((p) => p.role !== 'browser' && p.role !== 'gpu')
      .map((p) => {
        const b = boxes.get(p.pid);
        return b ? b.y + b.h : 0;
      }),
  );
  return Math.min(gpuTop - 70, (lowest + gpuTop) / 2 - 28);
}

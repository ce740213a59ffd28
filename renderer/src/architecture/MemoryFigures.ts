/**
 * Two more of the seed's figures from live data: *shared memory* (one block mapped by two
 * processes: a renderer's tile pool, written by its raster threads, read by the display
 * compositor) and *threads of one renderer* (what its threads share, what each owns — with the
 * runtime's nuance that a worker thread has a JS heap of its own).
 */
import type { ArchitectureGraph, ProcessInfo } from '../../../src/common/controlApi';
import { TILE_BYTES } from '../../../src/common/tiles';
import { figureFrame, FIGURE_H, FIGURE_W } from './ProcessFigures';
import { THREAD_DUTIES } from './roles';
import { bytes, fit, label, rate, svg } from './svg';

/** The renderer a figure shows: the one asked for, else the one with the most pool memory. */
export function pickRenderer(graph: ArchitectureGraph, pid: number | null): ProcessInfo | undefined {
  const renderers = graph.processes.filter((p) => p.role === 'renderer');
  const poolBytes = (p: ProcessInfo) => graph.edges.find((e) => e.id === `tile-pool:${p.pid}`)?.poolBytes ?? 0;
  return renderers.find((p) => p.pid === pid) ?? [...renderers].sort((a, b) => poolBytes(b) - poolBytes(a))[0];
}

export function sharedMemoryFigure(graph: ArchitectureGraph, pid: number | null): SVGSVGElement {
  const root = figureFrame(
    'arch-fig-shared',
    'Shared memory: one block mapped by two processes',
    '공유 메모리 — 여러 프로세스가 동일한 메모리 블록에 접근 (SHM1, SHM2)',
  );
  const r = pickRenderer(graph, pid);
  const pool = r && graph.edges.find((e) => e.id === `tile-pool:${r.pid}`);
  const display = pool && graph.processes.find((p) => p.pid === pool.to);
  if (!r || !pool || !display) {
    root.append(label(40, 200, 'No tile pool yet: open a tab, and its renderer creates one.', 'arch-sub'));
    return root;
  }
  const sink = graph.edges.find((e) => e.id === `frame-sink:${r.pid}`);
  const slots = Math.round((pool.poolBytes ?? 0) / TILE_BYTES);
  const side = (p: ProcessInfo, x: number, lines: string[]) => {
    const g = svg('g', { class: 'arch-process', 'data-pid': p.pid, 'data-role': p.role });
    g.append(svg('rect', { class: 'arch-box', x, y: 200, width: 380, height: 420, rx: 14 }));
    lines.forEach((t, i) => g.append(label(x + 20, 244 + i * 36, fit(t, 32), i === 0 ? 'arch-name' : 'arch-sub')));
    return g;
  };
  const raster = r.threads.filter((t) => t.kind === 'raster').map((t) => t.id);
  root.append(
    side(r, 40, [
      'Renderer process',
      `pid ${r.pid}`,
      r.site ?? '',
      'writes tiles into it:',
      ...raster.map((t) => `  ${t}`),
      'mapping: read-write',
    ]),
    side(display, FIGURE_W - 420, [
      display.role === 'gpu' ? 'GPU process' : 'Browser process',
      `pid ${display.pid}`,
      'display compositor',
      'composites tiles from it',
      'received as a descriptor',
      '(SCM_RIGHTS), no name',
      'mapping: read-only',
    ]),
  );
  // The block itself, with one cell per tile slot.
  const bx = 500;
  const bw = FIGURE_W - 1000;
  const block = svg('g', { class: 'arch-shm', 'data-pools': pool.pools ?? 0, 'data-bytes': pool.poolBytes ?? 0 });
  block.append(svg('rect', { class: 'arch-pool', x: bx, y: 200, width: bw, height: 420, rx: 10 }));
  const cols = 20;
  const cell = (bw - 40) / cols;
  for (let i = 0; i < Math.min(slots, 200); i++)
    block.append(
      svg('rect', {
        class: 'arch-slot',
        x: bx + 20 + (i % cols) * cell,
        y: 330 + Math.floor(i / cols) * cell,
        width: cell - 4,
        height: cell - 4,
      }),
    );
  block.append(
    label(
      bx + bw / 2,
      250,
      `${pool.pools} tile pool${pool.pools === 1 ? '' : 's'} · ${bytes(pool.poolBytes ?? 0)}`,
      'arch-name',
      {
        'text-anchor': 'middle',
      },
    ),
    label(bx + bw / 2, 290, `memfd, sealed · ${slots} slots of 256×256 RGBA`, 'arch-sub', { 'text-anchor': 'middle' }),
  );
  root.append(
    block,
    svg('path', { class: 'arch-line', 'data-kind': 'tile-pool', d: `M420 410 L${bx} 410` }),
    svg('path', { class: 'arch-line', 'data-kind': 'tile-pool', d: `M${bx + bw} 410 L${FIGURE_W - 420} 410` }),
    svg('path', {
      class: 'arch-line',
      'data-kind': 'frame-sink',
      d: `M230 620 C230 740 ${FIGURE_W - 230} 740 ${FIGURE_W - 230} 620`,
    }),
    label(
      FIGURE_W / 2,
      700,
      `frame sink socket: only ids, slots and rectangles — ${rate(sink?.forward)}`,
      'arch-rate',
      {
        'text-anchor': 'middle',
      },
    ),
    label(
      40,
      800,
      'No copy through a channel: the pixels stay where the raster threads wrote them (SHM1).',
      'arch-caption',
    ),
    label(
      40,
      840,
      'Synchronised by hand-over: a slot the last acknowledged frame uses is never rewritten (SHM2).',
      'arch-caption',
    ),
    label(40, FIGURE_H - 40, otherPools(graph, r.pid), 'arch-caption small'),
  );
  return root;
}

function otherPools(graph: ArchitectureGraph, shown: number): string {
  const others = graph.edges.filter((e) => e.kind === 'tile-pool' && e.from !== shown);
  if (!others.length) return '';
  return `Other pools: ${others.map((e) => `pid ${e.from} ${bytes(e.poolBytes ?? 0)}`).join(' · ')}`;
}

export function threadsFigure(graph: ArchitectureGraph, pid: number | null): SVGSVGElement {
  const root = figureFrame(
    'arch-fig-threads',
    'Threads of one renderer: what they share, what each owns',
    '멀티스레드 — 코드·데이터·힙 공유, 스택은 개별 · 단, worker_threads는 JS 힙도 각자',
  );
  const r = pickRenderer(graph, pid);
  if (!r) {
    root.append(label(40, 200, 'No renderer yet: open a tab.', 'arch-sub'));
    return root;
  }
  const g = svg('g', { class: 'arch-process', 'data-pid': r.pid, 'data-role': 'renderer' });
  g.append(
    svg('rect', { class: 'arch-box', x: 40, y: 120, width: FIGURE_W - 80, height: 690, rx: 16 }),
    label(64, 162, `Renderer process · pid ${r.pid} · ${r.site ?? ''}`, 'arch-name'),
    svg('rect', { class: 'arch-shared', x: 64, y: 184, width: FIGURE_W - 128, height: 130, rx: 10 }),
    label(84, 222, 'Shared by every thread of the process', 'arch-name small'),
    label(
      84,
      258,
      'code (one copy of the program) · address space · file descriptors (its tile pools, its sockets)',
      'arch-sub',
    ),
    label(84, 292, 'native memory: the tile pool mapping · SharedArrayBuffers handed between threads', 'arch-sub'),
  );
  const ts = r.threads;
  const gap = 14;
  const w = (FIGURE_W - 128 - (ts.length - 1) * gap) / Math.max(1, ts.length);
  ts.forEach((t, i) => {
    const x = 64 + i * (w + gap);
    const col = svg('g', {
      class: `arch-thread ${t.state}`,
      'data-thread': t.id,
      'data-kind': t.kind,
      'data-busy': t.busy.toFixed(2),
    });
    const barH = 200;
    col.append(
      svg('rect', { class: 'arch-thread-bg', x, y: 334, width: w, height: 456, rx: 10 }),
      label(x + 12, 370, fit(t.id, w / 12), 'arch-name small'),
      label(x + 12, 400, fit(THREAD_DUTIES[t.kind] ?? t.kind, w / 9), 'arch-metrics'),
      svg('rect', { class: 'arch-thread-track', x: x + 12, y: 420, width: w - 24, height: barH, rx: 6 }),
      svg('rect', {
        class: 'arch-thread-busy',
        x: x + 12,
        y: 420 + barH * (1 - t.busy),
        width: w - 24,
        height: barH * t.busy,
        rx: 6,
      }),
      label(x + w / 2, 420 + barH / 2, `${Math.round(t.busy * 100)}%`, 'arch-thread-pct big', {
        'text-anchor': 'middle',
      }),
      svg('rect', { class: 'arch-own', x: x + 12, y: 640, width: w - 24, height: 44, rx: 6 }),
      label(x + w / 2, 669, 'own stack', 'arch-metrics', { 'text-anchor': 'middle' }),
      svg('rect', { class: 'arch-own heap', x: x + 12, y: 694, width: w - 24, height: 70, rx: 6 }),
      label(x + w / 2, 722, 'own JS heap', 'arch-metrics', { 'text-anchor': 'middle' }),
      label(x + w / 2, 750, t.heapLimitMb ? `≤ ${t.heapLimitMb} MB` : '', 'arch-metrics', { 'text-anchor': 'middle' }),
    );
    if (t.state === 'ended') col.append(label(x + w / 2, 520, 'ended', 'arch-stamp', { 'text-anchor': 'middle' }));
    g.append(col);
  });
  root.append(
    g,
    label(
      40,
      FIGURE_H - 60,
      'Nuance: in C, threads share one heap. A Node worker thread is a V8 isolate with a JS heap of its own:',
      'arch-caption',
    ),
    label(
      40,
      FIGURE_H - 28,
      'objects are copied between threads (postMessage); only SharedArrayBuffers and native memory are shared.',
      'arch-caption',
    ),
  );
  return root;
}

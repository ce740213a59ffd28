/**
 * Two of the seed's figures (`seed/multiprocess-vs-multithread.ko.md`) redrawn from the running
 * browser: *multi-process* (each process its own memory; IPC between them) and *the browser's
 * processes* (browser, renderer, plugin and GPU processes with the seed's roles for each).
 */
import type { ArchitectureGraph, ProcessInfo } from '../../../src/common/controlApi';
import { roleName } from './roles';
import { bytes, fit, label, messages, svg } from './svg';

export const FIGURE_W = 1600;
export const FIGURE_H = 940;

export function figureFrame(cls: string, title: string, korean: string): SVGSVGElement {
  const root = svg('svg', { viewBox: `0 0 ${FIGURE_W} ${FIGURE_H}`, class: `arch-figure ${cls}` });
  root.append(label(40, 52, title, 'arch-fig-title'), label(40, 88, korean, 'arch-fig-korean'));
  return root;
}

function ipcRate(graph: ArchitectureGraph, pid: number): string {
  const e = graph.edges.find((x) => x.kind === 'ipc' && x.to === pid);
  return e ? `IPC ↓ ${messages(e.forward)}  ↑ ${messages(e.back)}` : '';
}

/** *Multi-process*: one column per process, its resident memory its own; IPC the only way between them. */
export function processesFigure(graph: ArchitectureGraph): SVGSVGElement {
  const root = figureFrame(
    'arch-fig-processes',
    'Multi-process: each process has its own memory; they talk only through IPC',
    '멀티프로세스 — 독립된 메모리 공간, 프로세스 간 통신(IPC) (MP1, MP5)',
  );
  const ps = graph.processes;
  const gap = 28;
  const w = Math.min(300, (FIGURE_W - 80 - (ps.length - 1) * gap) / ps.length);
  const maxRss = Math.max(1, ...ps.map((p) => p.rssBytes));
  const top = 150;
  const memTop = top + 96;
  const memMax = 400;
  const browser = ps.find((p) => p.role === 'browser');
  const browserX = 40 + w / 2;
  ps.forEach((p, i) => {
    const x = 40 + i * (w + gap);
    const h = Math.max(40, (p.rssBytes / maxRss) * memMax);
    const g = svg('g', { class: 'arch-process', 'data-pid': p.pid, 'data-role': p.role });
    g.append(
      svg('rect', { class: 'arch-box', x, y: top, width: w, height: memTop + memMax + 34 - top, rx: 14 }),
      label(x + 14, top + 34, roleName(p.role, w + 100), 'arch-name'),
      label(
        x + 14,
        top + 62,
        `pid ${p.pid} · ${p.threads.length} thread${p.threads.length === 1 ? '' : 's'}`,
        'arch-metrics',
      ),
      svg('rect', { class: 'arch-memory', x: x + 14, y: memTop + memMax - h, width: w - 28, height: h, rx: 6 }),
      label(x + w / 2, memTop + memMax - h - 10, `${bytes(p.rssBytes)}`, 'arch-mem-label', { 'text-anchor': 'middle' }),
      label(x + w / 2, memTop + memMax + 22, 'own address space', 'arch-metrics', { 'text-anchor': 'middle' }),
    );
    root.append(g);
    if (!browser || p === browser) return;
    // IPC: a channel from the browser to this child, under the columns.
    const cx = x + w / 2;
    const y = memTop + memMax + 70;
    const depth = 60 + i * 30;
    root.append(
      svg('path', {
        class: 'arch-line',
        'data-kind': 'ipc',
        d: `M${browserX} ${y} C${browserX} ${y + depth} ${cx} ${y + depth} ${cx} ${y}`,
      }),
    );
    root.append(label(cx, y - 16, fit(ipcRate(graph, p.pid), w / 8), 'arch-rate small', { 'text-anchor': 'middle' }));
  });
  root.append(
    label(
      40,
      FIGURE_H - 24,
      'Bars: resident memory per process, read from the OS. ' +
        'Shared memory exists only where made on purpose (tile pools: see Shared memory).',
      'arch-caption',
    ),
  );
  return root;
}

const ROLES: { role: string; what: string; korean: string }[] = [
  {
    role: 'browser',
    what: 'address bar, back & forward; network, files',
    korean: '주소 표시줄, 북마크, 뒤로/앞으로 · 네트워크 요청과 파일 접근',
  },
  { role: 'renderer', what: 'everything visible inside a tab', korean: '웹 사이트의 ‘보이는’ 부분 모두' },
  { role: 'plugin', what: 'the plugins a site uses', korean: '웹 사이트가 사용하는 플러그인' },
  { role: 'gpu', what: 'drawing to the screen', korean: 'GPU를 이용해 화면을 그리는 부분' },
];

/** *The browser's processes*: the seed's four roles, each with the processes that play it now. */
export function browserFigure(graph: ArchitectureGraph): SVGSVGElement {
  const root = figureFrame(
    'arch-fig-browser',
    "The browser's processes, now",
    '예제: 웹 브라우저 — 브라우저 · 렌더러 · 플러그인 · GPU 프로세스 (BR1–BR4)',
  );
  const bandH = 180;
  ROLES.forEach((r, i) => {
    const y = 120 + i * (bandH + 16);
    const ps = graph.processes.filter((p) => p.role === r.role);
    const band = svg('g', { class: 'arch-role-band', 'data-role': r.role });
    band.append(
      svg('rect', { class: 'arch-band', x: 40, y, width: FIGURE_W - 80, height: bandH, rx: 14 }),
      label(64, y + 44, roleName(r.role), 'arch-name'),
      label(64, y + 80, r.what, 'arch-sub'),
      label(64, y + 112, r.korean, 'arch-fig-korean small'),
    );
    const x0 = 560;
    const w = Math.min(320, (FIGURE_W - 80 - (x0 - 40) - 16 - (ps.length - 1) * 16) / Math.max(1, ps.length));
    if (!ps.length) band.append(label(x0, y + bandH / 2 + 8, absent(r.role, graph), 'arch-sub'));
    ps.forEach((p, j) => band.append(processCard(p, graph, x0 + j * (w + 16), y + 18, w, bandH - 36)));
    root.append(band);
  });
  return root;
}

function absent(role: string, graph: ArchitectureGraph): string {
  if (role === 'plugin') return 'none running: open the Plugin clock demo';
  if (role === 'gpu' && graph.display.mode === 'browser')
    return `none: after ${graph.display.gpuCrashes} GPU crashes, compositing runs in the browser process`;
  return 'none';
}

function processCard(p: ProcessInfo, graph: ArchitectureGraph, x: number, y: number, w: number, h: number): SVGElement {
  const g = svg('g', { class: 'arch-process', 'data-pid': p.pid, 'data-role': p.role });
  const tabs = p.tabs.map((id) => graph.tabs.find((t) => t.id === id)?.title ?? `#${id}`);
  const line =
    p.role === 'renderer'
      ? (p.site ?? '')
      : p.role === 'browser'
        ? `${graph.tabs.length} tab${graph.tabs.length === 1 ? '' : 's'}`
        : p.role === 'gpu'
          ? `${graph.display.gpuCrashes} crash${graph.display.gpuCrashes === 1 ? '' : 'es'} so far`
          : p.title;
  g.append(
    svg('rect', { class: 'arch-box', x, y, width: w, height: h, rx: 10 }),
    label(x + 12, y + 32, `pid ${p.pid}`, 'arch-name small'),
    label(x + 12, y + 62, fit(line, w / 10), 'arch-sub'),
    label(x + 12, y + 92, fit(tabs.length ? `tabs: ${tabs.join(', ')}` : ' ', w / 10), 'arch-metrics'),
    label(x + 12, y + 120, `${bytes(p.rssBytes)} · CPU ${p.cpuPercent.toFixed(0)}%`, 'arch-metrics'),
  );
  return g;
}

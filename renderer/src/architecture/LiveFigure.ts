/**
 * The live architecture figure: every process a box, its threads inside with their busy fraction
 * as the fill, every channel an edge whose dashes move with its message rate. Elements are kept by
 * key across refreshes, so busy bars glide, dashes keep flowing, and a crashed box breaks in two
 * (CSS transitions on `data-state`) instead of being redrawn.
 */
import type { ArchitectureEdge, ArchitectureGraph, ProcessInfo, ThreadInfo } from '../../../src/common/controlApi';
import { roleName } from './roles';
import { type Box, GUTTER, HEADER, HEIGHT, layout, poolY, TAB_ROW, THREAD_ROW, WIDTH } from './liveLayout';
import { bytes, fit, flowDuration, keyed, keyedLabel, messages, prune, rate, set, svg } from './svg';

/** What the events said, ahead of the next graph: processes gone (kept a while as broken boxes), bad messages. */
export interface Marks {
  ghosts: ProcessInfo[];
  goneReasons: ReadonlyMap<number, string>;
  badMessages: ReadonlyMap<number, string>;
}

export class LiveFigure {
  readonly element = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'arch-figure arch-live' });
  private readonly edgeLayer = svg('g', { class: 'arch-edges' });
  private readonly boxLayer = svg('g', { class: 'arch-boxes' });
  private readonly labelLayer = svg('g', { class: 'arch-labels' });

  constructor() {
    this.element.append(this.edgeLayer, this.boxLayer, this.labelLayer);
  }

  draw(graph: ArchitectureGraph, marks: Marks): void {
    const live = new Set(graph.processes.map((p) => p.pid));
    const all = [...graph.processes, ...marks.ghosts.filter((g) => !live.has(g.pid))];
    const boxes = layout(all);
    const keep = new Set<string>();
    for (const p of all) {
      const state = marks.goneReasons.has(p.pid) ? 'crashed' : p.unresponsive ? 'unresponsive' : 'live';
      keep.add(`p${p.pid}`);
      this.drawProcess(p, boxes.get(p.pid)!, state, graph, marks);
    }
    prune(this.boxLayer, keep);
    const edgeKeys = new Set<string>();
    const py = poolY(boxes, all);
    for (const e of graph.edges) {
      const from = boxes.get(e.from);
      const to = boxes.get(e.to);
      if (!from || !to || marks.goneReasons.has(e.from) || marks.goneReasons.has(e.to)) continue;
      edgeKeys.add(e.id);
      this.drawEdge(
        e,
        from,
        to,
        py,
        all.find((p) => p.pid === e.from)!,
      );
    }
    prune(this.edgeLayer, edgeKeys);
    prune(this.labelLayer, edgeKeys);
  }

  private drawProcess(p: ProcessInfo, b: Box, state: string, graph: ArchitectureGraph, marks: Marks): void {
    const g = keyed(this.boxLayer, `p${p.pid}`, () => {
      const group = svg('g', { class: 'arch-process arch-new' });
      // The two halves a crash breaks the box into: drawn from the start, shown by data-state.
      group.append(svg('rect', { class: 'arch-box' }), svg('path', { class: 'arch-half left' }));
      group.append(svg('path', { class: 'arch-half right' }), svg('g', { class: 'arch-content' }));
      group.append(svg('text', { class: 'arch-stamp', 'text-anchor': 'middle' }));
      return group;
    });
    set(g, { 'data-pid': p.pid, 'data-role': p.role, 'data-state': state, transform: `translate(${b.x} ${b.y})` });
    // The warm spare renderer: a renderer with no site yet, which the next new site takes.
    g.toggleAttribute('data-spare', p.spare === true);
    if (marks.badMessages.has(p.pid)) g.setAttribute('data-bad-message', marks.badMessages.get(p.pid)!);
    const [box, left, right, content, stamp] = [...g.children] as SVGElement[];
    set(stamp!, { x: b.w / 2, y: b.h / 2 });
    // A bad message is said before the kill it causes: the stamp names both.
    const bad = marks.badMessages.has(p.pid) ? 'bad message' : '';
    const gone = state === 'crashed' ? `✖ ${marks.goneReasons.get(p.pid)}` : '';
    stamp!.textContent = bad && gone ? `${gone}: ${bad}` : gone || bad;
    set(box!, { width: b.w, height: b.h, rx: 14 });
    const crack = [
      [0.55, 0.25],
      [0.42, 0.5],
      [0.58, 0.75],
      [0.48, 1],
    ]
      .map(([x, y]) => `L${b.w * x} ${b.h * y}`)
      .join(' ');
    set(left!, { d: `M0 0 L${b.w * 0.5} 0 ${crack} L0 ${b.h} Z` });
    set(right!, { d: `M${b.w} 0 L${b.w * 0.5} 0 ${crack} L${b.w} ${b.h} Z` });
    // A broken box is drawn once, when it dies: its content stays still while it falls apart.
    if (state === 'crashed' && content!.dataset.drawn === 'crashed') return;
    content!.dataset.drawn = state;
    this.drawContent(content!, p, b, state, graph);
  }

  /** The box's header, a row per thread and a chip per tab, each kept by key and updated in place. */
  private drawContent(content: SVGElement, p: ProcessInfo, b: Box, state: string, graph: ArchitectureGraph): void {
    const chars = Math.floor(b.w / 12);
    const sub =
      p.role === 'renderer'
        ? (p.site ?? (p.spare ? 'spare: the next new site takes it' : ''))
        : p.role === 'gpu'
          ? 'display compositor'
          : p.title;
    const metrics = `${bytes(p.rssBytes)} resident · CPU ${p.cpuPercent.toFixed(0)}%`;
    const header: [key: string, x: number, y: number, text: string, cls: string][] = [
      ['name', 16, 32, fit(roleName(p.role, b.w), chars - 6), 'arch-name'],
      ['pid', b.w - 14, 32, `pid ${p.pid}`, 'arch-pid'],
      ['sub', 16, 58, fit(sub, chars + 4), 'arch-sub'],
      ['metrics', 16, 78, metrics, 'arch-metrics'],
    ];
    const keep = new Set<string>();
    for (const [key, x, y, text, cls] of header) {
      keyedLabel(content, key, x, y, text, cls, key === 'pid' ? { 'text-anchor': 'end' } : {});
      keep.add(key);
    }
    p.threads.forEach((t, i) => keep.add(this.drawThread(content, t, i, b.w - 28, chars)));
    if (p.role !== 'gpu') for (const key of this.drawTabChips(content, p, b, graph, state === 'crashed')) keep.add(key);
    prune(content, keep);
  }

  /** One thread's row: its busy fraction is the bar's width, which glides (a CSS transition) from the last. */
  private drawThread(content: SVGElement, t: ThreadInfo, i: number, w: number, chars: number): string {
    const key = `thread ${t.id}`;
    const row = keyed(content, key, () => {
      const g = svg('g');
      g.append(svg('rect', { class: 'arch-thread-bg' }), svg('rect', { class: 'arch-thread-busy' }));
      return g;
    });
    set(row, {
      class: `arch-thread ${t.state}`,
      'data-thread': t.id,
      'data-kind': t.kind,
      'data-busy': t.busy.toFixed(2),
      transform: `translate(14 ${HEADER + i * THREAD_ROW})`,
    });
    const [bg, busy] = [...row.children] as SVGElement[];
    set(bg!, { width: w, height: THREAD_ROW - 5, rx: 5 });
    set(busy!, { width: Math.max(0, w * t.busy), height: THREAD_ROW - 5, rx: 5 });
    const name = fit(t.state === 'ended' ? `${t.id} — ended` : t.id, chars - 6);
    keyedLabel(row, 'name', 10, THREAD_ROW - 11, name, 'arch-thread-name');
    const pct = `${Math.round(t.busy * 100)}%`;
    keyedLabel(row, 'pct', w - 8, THREAD_ROW - 11, pct, 'arch-thread-pct', { 'text-anchor': 'end' });
    return key;
  }

  /** The tabs a process draws (the browser: every tab); a tab whose renderer died is a sad tab. Returns their keys. */
  private drawTabChips(content: SVGElement, p: ProcessInfo, b: Box, graph: ArchitectureGraph, dead: boolean): string[] {
    const ids = p.role === 'browser' ? graph.tabs.map((t) => t.id) : p.tabs;
    const y = b.h - TAB_ROW;
    const w = Math.min(170, (b.w - 28) / Math.max(1, ids.length) - 6);
    return ids.map((id, i) => {
      const t = graph.tabs.find((x) => x.id === id);
      const sad = dead || !t || t.state === 'crashed';
      const key = `tab ${id}`;
      const chip = keyed(content, key, () => svg('g', {}, svg('rect')));
      set(chip, {
        class: `arch-tab${sad ? ' sad' : ''}`,
        'data-tab-id': id,
        transform: `translate(${14 + i * (w + 6)} ${y})`,
      });
      set(chip.firstElementChild!, { width: w, height: TAB_ROW - 10, rx: 8 });
      const title = fit(`${sad ? ':( ' : ''}${t?.title ?? `#${id}`}`, Math.floor(w / 10));
      keyedLabel(chip, 'title', 8, TAB_ROW - 19, title, 'arch-tab-title');
      return key;
    });
  }

  private drawEdge(e: ArchitectureEdge, from: Box, to: Box, py: number, source: ProcessInfo): void {
    const g = keyed(this.edgeLayer, e.id, () => svg('g', { class: 'arch-edge' }, svg('path', {}), svg('path', {})));
    set(g, {
      'data-kind': e.kind,
      'data-from': e.from,
      'data-to': e.to,
      'data-messages': (e.forward?.messages ?? 0) + (e.back?.messages ?? 0),
    });
    const [line, flow] = [...g.children] as SVGPathElement[];
    const { d, lx, ly, anchor, stacked } = this.route(e, from, to, py, source);
    set(line!, { d, class: 'arch-line' });
    set(flow!, { d, class: 'arch-flow' });
    const duration = flowDuration(e.forward) ?? flowDuration(e.back);
    flow!.style.animationDuration = duration ?? '';
    flow!.classList.toggle('moving', duration !== null);
    const text = keyed(this.labelLayer, e.id, () => svg('g', { class: 'arch-edge-label' }));
    set(text, { 'data-kind': e.kind, transform: `translate(${lx} ${ly})` });
    this.drawEdgeText(text, e, anchor, Math.min(320, from.w - 16), stacked);
  }

  /** An edge's figures, a keyed text per line (and a tile pool's frame): updated in place each refresh. */
  private drawEdgeText(text: SVGElement, e: ArchitectureEdge, anchor: string, width: number, stacked: boolean): void {
    const keep = new Set<string>();
    if (e.kind === 'tile-pool') {
      keep.add('pool');
      set(
        keyed(text, 'pool', () => svg('rect')),
        { class: 'arch-pool', x: -width / 2, y: -22, width, height: 56, rx: 6 },
      );
    }
    this.edgeLines(e, width, stacked).forEach(([y, line, cls], i) => {
      keep.add(`line ${i}`);
      keyedLabel(text, `line ${i}`, 0, y, line, cls, { 'text-anchor': anchor });
    });
    prune(text, keep);
  }

  /** An edge's label, line by line: where each line sits, what it says, and its class. */
  private edgeLines(e: ArchitectureEdge, width: number, stacked: boolean): [number, string, string][] {
    switch (e.kind) {
      case 'ipc':
        // In the narrow gutter: one figure a line.
        if (stacked)
          return [
            'IPC',
            `↓ ${messages(e.forward)}`,
            `  ${bytes(e.forward?.bytesPerSecond ?? 0)}/s`,
            `↑ ${messages(e.back)}`,
            `  ${bytes(e.back?.bytesPerSecond ?? 0)}/s`,
          ].map((t, i) => [i * 22, t, 'arch-rate']);
        return [
          [0, `IPC ↓ ${rate(e.forward)}`, 'arch-rate'],
          [22, `↑ ${rate(e.back)}`, 'arch-rate'],
        ];
      case 'frame-sink':
        return [[0, `frames ${rate(e.forward)}`, 'arch-rate']];
      case 'tile-pool':
        return [
          [0, fit(`shared memory: ${e.pools} tile pool${e.pools === 1 ? '' : 's'}`, width / 11), 'arch-pool-title'],
          [24, fit(`${bytes(e.poolBytes ?? 0)} memfd, mapped by both`, width / 10), 'arch-rate'],
        ];
      case 'embed':
        return [[0, `plugin surface in tab ${e.tabId}`, 'arch-rate']];
    }
  }

  /** The path of an edge and where its label goes. */
  private route(e: ArchitectureEdge, from: Box, to: Box, py: number, source: ProcessInfo) {
    const cx = (b: Box) => b.x + b.w / 2;
    if (e.kind === 'ipc' && source.role === 'browser' && to.y > from.y + 400) {
      // Browser ↔ GPU: down the left gutter.
      const x = GUTTER / 2;
      const d =
        `M${from.x} ${from.y + 60} C${x} ${from.y + 60} ${x} ${from.y + 120} ${x} ${from.y + 200} ` +
        `L${x} ${to.y - 40} C${x} ${to.y + 40} ${x} ${to.y + 60} ${to.x} ${to.y + 60}`;
      return { d, lx: 8, ly: (from.y + to.y) / 2 - 20, anchor: 'start', stacked: true };
    }
    if (e.kind === 'ipc') {
      const x0 = from.x + from.w * (0.15 + 0.7 * ((cx(to) - GUTTER) / (WIDTH - GUTTER)));
      const y0 = from.y + from.h;
      const d = `M${x0} ${y0} C${x0} ${y0 + 50} ${cx(to)} ${to.y - 50} ${cx(to)} ${to.y}`;
      return { d, lx: cx(to) + 8, ly: to.y - 34, anchor: 'start', stacked: false };
    }
    if (e.kind === 'embed') {
      const right = to.x + to.w - 30;
      const d = `M${from.x + 30} ${from.y} C${from.x} ${from.y - 60} ${right} ${to.y - 60} ${right} ${to.y}`;
      return { d, lx: (from.x + to.x + to.w) / 2, ly: from.y - 64, anchor: 'middle', stacked: false };
    }
    const toX = to.x + to.w * (0.1 + 0.8 * ((cx(from) - GUTTER) / (WIDTH - GUTTER)));
    if (e.kind === 'tile-pool') {
      const x = from.x + from.w * 0.7;
      const d =
        `M${x} ${from.y + from.h} L${x} ${py} ` +
        `M${x} ${py + 56} C${x} ${to.y - 30} ${toX + 20} ${to.y - 30} ${toX + 20} ${to.y}`;
      return { d, lx: x, ly: py + 22, anchor: 'middle', stacked: false };
    }
    const x = from.x + from.w * 0.22;
    const d = `M${x} ${from.y + from.h} C${x} ${to.y - 60} ${toX - 20} ${to.y - 60} ${toX - 20} ${to.y}`;
    return { d, lx: x + 8, ly: from.y + from.h + 24, anchor: 'start', stacked: false };
  }
}

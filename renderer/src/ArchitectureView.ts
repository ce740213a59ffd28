/**
 * The architecture view: a panel over the tab content, or the whole window (`?view=architecture`,
 * for projectors). Draws the live figure (every process, thread and channel) or one of the seed's
 * figures from `GET /api/architecture`, fetched each second; browser events (a launch, a crash, a
 * bad message) act at once, before the next fetch. Clicking a box or a thread offers the Task
 * Manager's actions.
 */
import type { ArchitectureGraph, BrowserEvent, ProcessInfo } from '../../src/common/controlApi';
import { ActionMenu, actionsFor } from './architecture/ActionMenu';
import { LiveFigure } from './architecture/LiveFigure';
import { pickRenderer, sharedMemoryFigure, threadsFigure } from './architecture/MemoryFigures';
import { browserFigure, processesFigure } from './architecture/ProcessFigures';
import { roleName } from './architecture/roles';
import type { ControlClient } from './ControlClient';

const FIGURES = {
  live: 'Live',
  processes: 'Processes',
  browser: "The browser's processes",
  shared: 'Shared memory',
  threads: 'Threads of a renderer',
} as const;
type Figure = keyof typeof FIGURES;

/** How long a dead process stays on screen as a broken box. */
const GHOST_MS = 8000;

export class ArchitectureView {
  private graph: ArchitectureGraph | null = null;
  private figure: Figure = 'live';
  private rendererPid: number | null = null;
  private timer: number | null = null;
  private readonly live = new LiveFigure();
  private readonly ghosts = new Map<number, { process: ProcessInfo; reason: string; until: number }>();
  private readonly badMessages = new Map<number, string>();
  private readonly stage = document.createElement('div');
  private readonly status = document.createElement('span');
  private readonly picker = document.createElement('select');
  private readonly fullButton = document.createElement('button');
  private readonly menu: ActionMenu;

  constructor(
    private readonly panel: HTMLElement,
    private readonly client: ControlClient,
    report: (message: string) => void,
  ) {
    this.menu = new ActionMenu(report);
    const head = document.createElement('div');
    head.className = 'arch-head';
    const title = document.createElement('h2');
    title.textContent = 'Architecture';
    head.append(title);
    for (const [name, text] of Object.entries(FIGURES)) {
      const b = document.createElement('button');
      b.textContent = text;
      b.dataset.figure = name;
      b.addEventListener('click', () => this.show(name as Figure));
      head.append(b);
    }
    this.picker.setAttribute('aria-label', 'Renderer shown');
    this.picker.addEventListener('change', () => {
      this.rendererPid = Number(this.picker.value) || null;
      this.draw();
    });
    this.fullButton.addEventListener('click', () => this.setFullWindow(!this.panel.classList.contains('full')));
    const close = document.createElement('button');
    close.textContent = '×';
    close.title = 'Close';
    close.addEventListener('click', () => this.close());
    this.status.className = 'arch-status';
    head.append(this.picker, this.fullButton, close, this.status);
    this.stage.className = 'arch-stage';
    this.stage.addEventListener('click', (e) => this.clicked(e));
    panel.append(head, this.stage, this.menu.element);
    this.setFullWindow(false);
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.panel.classList.contains('full')) this.setFullWindow(false);
    });
  }

  /** `?view=architecture` opens it full-window; `&figure=threads` picks a figure. */
  openFromUrl(search: string): void {
    const params = new URLSearchParams(search);
    if (params.get('view') !== 'architecture') return;
    const figure = params.get('figure');
    this.show(figure && figure in FIGURES ? (figure as Figure) : 'live');
    this.setFullWindow(true);
  }

  toggle(): void {
    if (this.panel.hidden) this.show(this.figure);
    else this.close();
  }

  show(figure: Figure): void {
    this.figure = figure;
    this.panel.hidden = false;
    this.panel.dataset.figure = figure;
    for (const b of this.panel.querySelectorAll<HTMLButtonElement>('[data-figure]'))
      b.setAttribute('aria-pressed', String(b.dataset.figure === figure));
    this.timer ??= window.setInterval(() => void this.refresh(), 1000);
    this.draw();
    void this.refresh();
  }

  close(): void {
    this.panel.hidden = true;
    this.setFullWindow(false);
    this.menu.close();
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** The same events as the Task Manager's: a crash breaks its box at once, before the next fetch. */
  onEvent(e: BrowserEvent): void {
    if (this.panel.hidden) return;
    if (e.type === 'process-gone') {
      const process = this.graph?.processes.find((p) => p.pid === e.pid);
      if (process) this.ghosts.set(e.pid, { process, reason: e.reason, until: Date.now() + GHOST_MS });
      this.draw();
      void this.refresh();
    } else if (e.type === 'bad-message') {
      this.badMessages.set(e.pid, e.reason);
      this.draw();
    } else if (e.type === 'process-launched' || e.type === 'display-changed' || e.type === 'thread-gone') {
      void this.refresh();
    }
  }

  private setFullWindow(on: boolean): void {
    this.panel.classList.toggle('full', on);
    document.body.classList.toggle('arch-full', on);
    this.fullButton.textContent = on ? 'Exit full window' : 'Full window';
    this.fullButton.title = on ? 'Back to the browser window (Esc)' : 'For projectors: the view fills the window';
  }

  private async refresh(): Promise<void> {
    try {
      this.graph = await this.client.architecture();
    } catch (e) {
      this.status.textContent = `not updated: ${(e as Error).message}`;
      return;
    }
    this.status.textContent = `${this.graph.processes.length} processes · ${this.graph.edges.length} channels · live`;
    this.draw();
  }

  private draw(): void {
    const graph = this.graph;
    if (!graph || this.panel.hidden) return;
    const now = Date.now();
    for (const [pid, g] of this.ghosts) if (g.until < now) this.ghosts.delete(pid);
    for (const pid of this.badMessages.keys())
      if (!graph.processes.some((p) => p.pid === pid) && !this.ghosts.has(pid)) this.badMessages.delete(pid);
    this.updatePicker(graph);
    let figure: SVGSVGElement;
    if (this.figure === 'live') {
      this.live.draw(graph, {
        ghosts: [...this.ghosts.values()].map((g) => g.process),
        goneReasons: new Map([...this.ghosts].map(([pid, g]) => [pid, g.reason])),
        badMessages: this.badMessages,
      });
      figure = this.live.element;
    } else if (this.figure === 'processes') figure = processesFigure(graph);
    else if (this.figure === 'browser') figure = browserFigure(graph);
    else if (this.figure === 'shared') figure = sharedMemoryFigure(graph, this.rendererPid);
    else figure = threadsFigure(graph, this.rendererPid);
    if (this.stage.firstChild !== figure) this.stage.replaceChildren(figure);
  }

  private updatePicker(graph: ArchitectureGraph): void {
    const renderers = graph.processes.filter((p) => p.role === 'renderer');
    this.picker.hidden = this.figure !== 'shared' && this.figure !== 'threads';
    const chosen = pickRenderer(graph, this.rendererPid);
    this.picker.replaceChildren(
      ...renderers.map((p) => {
        const o = document.createElement('option');
        o.value = String(p.pid);
        o.textContent = `${p.site ?? ''} (pid ${p.pid})`;
        o.selected = p === chosen;
        return o;
      }),
    );
  }

  /** A click on a box or a thread: the Task Manager's actions for it. */
  private clicked(e: MouseEvent): void {
    const target = e.target as Element;
    const box = target.closest<SVGElement>('[data-pid]');
    const process = box && this.graph?.processes.find((p) => p.pid === Number(box.dataset.pid));
    if (!process) return this.menu.close();
    const threadId = target.closest<SVGElement>('[data-thread]')?.dataset.thread;
    const thread = process.threads.find((t) => t.id === threadId);
    const actions = actionsFor(this.client, process, thread);
    if (!actions.length) return this.menu.close();
    const at = this.panel.getBoundingClientRect();
    const name = roleName(process.role);
    this.menu.open(
      e.clientX - at.left,
      e.clientY - at.top,
      thread ? `${thread.id} of ${name} ${process.pid}` : `${name} ${process.pid}`,
      actions,
    );
  }
}

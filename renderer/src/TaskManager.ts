/** The Task Manager panel (Chrome's Shift+Esc, Firefox's about:processes): every process, its threads, End process. */
import type { ProcessInfo, ThreadInfo } from '../../src/common/controlApi';
import { sandboxDetails, sandboxLabel } from '../../src/common/sandboxLabel';
import type { ControlClient } from './ControlClient';
import type { PoliciesPanel } from './PoliciesPanel';

export class TaskManager {
  private timer: number | null = null;

  constructor(
    private readonly panel: HTMLElement,
    private readonly body: HTMLElement,
    private readonly client: ControlClient,
    private readonly report: (message: string) => void,
    /** Its Policies section, refreshed with it. */
    private readonly policies: PoliciesPanel,
  ) {}

  toggle(): void {
    this.panel.hidden = !this.panel.hidden;
    if (this.panel.hidden) {
      if (this.timer !== null) clearInterval(this.timer);
      this.timer = null;
    } else {
      void this.refresh();
      this.timer = window.setInterval(() => void this.refresh(), 1000);
    }
  }

  /** A process came or went: show it now rather than at the next tick. */
  processesChanged(): void {
    if (!this.panel.hidden) void this.refresh();
  }

  private async refresh(): Promise<void> {
    void this.policies.refresh();
    let list: ProcessInfo[];
    try {
      list = await this.client.listProcesses();
    } catch (e) {
      return this.report(`Task Manager: ${(e as Error).message}`);
    }
    this.body.replaceChildren(...list.flatMap((p) => this.rows(p)));
  }

  private rows(p: ProcessInfo): HTMLTableRowElement[] {
    const row = document.createElement('tr');
    row.className = 'process';
    row.dataset.pid = String(p.pid);
    row.dataset.role = p.role;
    // The spare is locked to no site yet; a renderer that was the spare says so beside its site.
    const title =
      p.role !== 'renderer'
        ? p.title
        : p.spare
          ? `${p.title} — no site yet: the next new site takes it`
          : `${p.title} — ${p.site}${p.wasSpare ? ' (was the spare)' : ''}`;
    if (p.spare) row.classList.add('spare');
    row.append(
      cell(p.unresponsive ? `${title} — not responding` : title),
      cell(String(p.pid)),
      cell(`${p.cpuPercent.toFixed(1)}%`),
      memoryCell(p),
      sandboxCell(p),
    );
    const actions = document.createElement('td');
    if (p.role !== 'browser') {
      const end = button('End process', 'danger end-process', () =>
        this.act(this.client.killProcess(p.pid), `End process ${p.pid}`),
      );
      actions.append(end);
    }
    row.append(actions);
    const threads = p.threads.map((t) => {
      const tr = document.createElement('tr');
      tr.className = `thread ${t.state}`;
      const bar = document.createElement('span');
      bar.className = 'bar';
      bar.style.width = `${Math.round(t.busy * 60)}px`;
      const busy = cell(`${Math.round(t.busy * 100)}%`);
      busy.prepend(bar);
      const label = t.state === 'ended' ? `${t.name} — ended${t.error ? `: ${t.error}` : ''}` : `${t.name} (${t.kind})`;
      tr.append(cell(label), cell(''), busy, heapCell(t), cell(''));
      const act = document.createElement('td');
      if (p.role === 'renderer' && t.state === 'running') {
        act.append(
          button('Throw', 'small', () =>
            this.act(this.client.crashThread(p.pid, t.id, 'exception'), `Exception on ${t.name}`),
          ),
          button('Segfault', 'small danger', () =>
            this.act(this.client.crashThread(p.pid, t.id, 'segfault'), `Segfault on ${t.name}`),
          ),
          button(
            'OOM',
            'small danger',
            () => this.act(this.client.crashThread(p.pid, t.id, 'oom'), `JS heap exhausted on ${t.name}`),
            "Exhaust this thread's JS heap: the whole renderer ends as out of memory",
          ),
        );
      }
      tr.append(act);
      return tr;
    });
    return [row, ...threads];
  }

  private async act(p: Promise<unknown>, what: string): Promise<void> {
    try {
      await p;
      this.report(what);
    } catch (e) {
      this.report(`${what} failed: ${(e as Error).message}`);
    }
    void this.refresh();
  }
}

const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** PSS where the OS tells it (Linux), and the resident set below it: shared pages count in full there. */
function memoryCell(p: ProcessInfo): HTMLTableCellElement {
  const td = cell(p.pssBytes === undefined ? '' : megabytes(p.pssBytes));
  td.className = 'memory';
  const rss = document.createElement('small');
  rss.textContent = `RSS ${megabytes(p.rssBytes)}`;
  td.append(rss);
  return td;
}

/** A thread's own V8 heap: what it has committed, with its live objects and off-heap memory on hover. */
function heapCell(t: ThreadInfo): HTMLTableCellElement {
  if (!t.heap || t.state !== 'running') return cell('');
  const td = cell(`JS ${megabytes(t.heap.totalBytes)}`);
  td.title =
    `JS heap committed ${megabytes(t.heap.totalBytes)}, of which live ${megabytes(t.heap.usedBytes)}; ` +
    `off-heap (ArrayBuffers, canvases, WebAssembly) ${megabytes(t.heap.externalBytes)}`;
  return td;
}

function cell(text: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

/** What the process runs under, as the child read it back from the kernel. */
function sandboxCell(p: ProcessInfo): HTMLTableCellElement {
  const td = cell(sandboxLabel(p.sandbox, p.role));
  td.className = `sandbox ${p.sandbox?.os ?? (p.role === 'browser' ? 'browser' : 'starting')}`;
  td.title = sandboxDetails(p.sandbox, p.role);
  return td;
}

function button(text: string, className: string, onClick: () => void, title?: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.textContent = text;
  if (title) b.title = title;
  b.className = className;
  b.addEventListener('click', onClick);
  return b;
}

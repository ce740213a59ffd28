/**
 * `minium://process-internals`, as Chrome's chrome://process-internals: the renderer process
 * limit (Minium's figure beside Chromium's, and why they differ), the isolation mode, which site
 * is locked to which renderer, and the spare renderer. A tab of its own, like `minium://discards`
 * (see common/internalPages.ts); it refreshes itself every second while shown, and on Refresh.
 */
import type { ProcessInternals } from '../../src/common/controlApi';
import type { ControlClient } from './ControlClient';

const SPARE_STATES: Record<string, string> = {
  launching: 'launching (process starting, sandboxing itself)',
  'starting-threads': 'starting its threads',
  warm: 'warm: threads started, ready for the next new site',
};

export class ProcessInternalsPage {
  private readonly body: HTMLElement;
  /** Set while the page is shown: it refreshes itself every second, as a live internals page. */
  private timer: number | null = null;

  constructor(
    private readonly panel: HTMLElement,
    private readonly client: ControlClient,
    private readonly report: (message: string) => void,
  ) {
    this.body = panel.querySelector('[data-role="body"]')!;
    panel.querySelector('[data-action="refresh"]')?.addEventListener('click', () => void this.refresh());
  }

  private get shown(): boolean {
    return !this.panel.hidden;
  }

  /** Shown while its tab is the active one; a second call while shown changes nothing. */
  show(): void {
    if (this.shown) return;
    this.panel.hidden = false;
    void this.refresh();
    this.timer ??= window.setInterval(() => void this.refresh(), 1000);
  }

  hide(): void {
    this.panel.hidden = true;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private async refresh(): Promise<void> {
    let info: ProcessInternals;
    try {
      info = await this.client.processInternals();
    } catch (e) {
      return this.report(`Process internals: ${(e as Error).message}`);
    }
    if (this.shown) this.body.replaceChildren(...this.sections(info));
  }

  private sections(i: ProcessInternals): HTMLElement[] {
    const l = i.limit;
    const memory = `${(l.physicalMemoryMiB / 1024).toFixed(1)} GiB`;
    const nproc = l.platformProcessLimit === null ? 'unknown' : String(l.platformProcessLimit);
    const formula = (mb: number) => `${memory} ÷ 2 ÷ ${mb} MB, clamped to [3, ${l.platformMax}]`;
    const limits = table(
      ['', 'figure', 'how'],
      [
        [
          'Limit in force',
          String(l.inForce),
          l.inForce === l.minium ? 'Minium’s figure' : 'set at start-up (--process-limit)',
        ],
        ['Minium', String(l.minium), `${formula(l.miniumEstimateMb)}: a Minium renderer is ~${l.miniumEstimateMb} MB`],
        ['Chromium', String(l.chromium), `${formula(l.chromiumEstimateMb)} (kEstimatedWebContentsMemoryUsage)`],
        ['Renderers counted', `${i.lockedRenderers} of ${l.inForce}`, 'locked to a site; the spare is not counted'],
        ['OS process limit', nproc, `RLIMIT_NPROC; half of it (${l.platformMax}) caps both figures`],
      ],
    );
    const differs = element('div', 'differs');
    differs.append(
      labelled('Minium differs on purpose: ', 'Its renderer is about twice as heavy, so it allows about half as many.'),
      labelled('Over the limit, Chromium: ', l.chromiumOverLimit),
      labelled('Over the limit, Minium: ', l.miniumOverLimit),
    );
    const s = i.spare;
    const spare = table(
      ['', ''],
      [
        ['Spare renderer', s.enabled ? (s.pid === null ? 'none now' : `pid ${s.pid}`) : 'off'],
        ['State', s.state ? SPARE_STATES[s.state] : '—'],
        ['Threads started', s.threadsStartedMs === null ? '—' : `${s.threadsStartedMs} ms after its process started`],
        ['New sites that took the spare', String(s.taken)],
        ['New sites that launched cold', String(s.coldLaunches)],
        ['Spares that died before ready (in a row)', String(s.failedLaunches)],
      ],
    );
    const locks = i.locks.length
      ? table(
          ['Site (process lock)', 'PID', 'State', 'Tabs', 'Was the spare'],
          i.locks.map((k) => [
            k.site,
            String(k.pid ?? '—'),
            k.state,
            k.tabs.map((t) => `#${t.id} ${t.url}`).join('\n') || '—',
            k.wasSpare ? 'yes' : 'no',
          ]),
        )
      : paragraph('No renderer is locked to a site: no tab is open.');
    return [
      section(
        'Isolation',
        paragraph(`${i.isolation.mode}: ${i.isolation.description}`),
        paragraph(i.isolation.chromium),
      ),
      section('Renderer process limit', limits, differs),
      section('Spare renderer', spare),
      section('Site locks', locks),
    ];
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  return el;
}

function section(title: string, ...content: HTMLElement[]): HTMLElement {
  const s = element('section');
  const h = element('h3');
  h.textContent = title;
  s.append(h, ...content);
  return s;
}

function paragraph(text: string): HTMLElement {
  const p = element('p');
  p.textContent = text;
  return p;
}

function labelled(label: string, text: string): HTMLElement {
  const p = element('p');
  const b = element('strong');
  b.textContent = label;
  p.append(b, text);
  return p;
}

function table(head: string[], rows: string[][]): HTMLTableElement {
  const t = element('table');
  const tr = element('tr');
  for (const h of head) {
    const th = element('th');
    th.textContent = h;
    tr.append(th);
  }
  t.createTHead().append(tr);
  const body = t.createTBody();
  for (const r of rows) {
    const row = element('tr');
    for (const c of r) {
      const td = element('td');
      td.textContent = c;
      row.append(td);
    }
    body.append(row);
  }
  return t;
}

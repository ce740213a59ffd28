/** The Lab page: runs a lab in its own process through the control API and draws its figures and verdicts. */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import type {
  ClaimVerdict,
  Estimate,
  IpcLabReport,
  LabName,
  LabReport,
  ThreadsLabReport,
} from '../../src/common/labReports';
import type { ControlClient } from './ControlClient';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  LinearScale,
  LogarithmicScale,
  CategoryScale,
  Legend,
  Tooltip,
);

const COLORS = [
  '#1a73e8',
  '#d93025',
  '#188038',
  '#f9ab00',
  '#9334e6',
  '#e8710a',
  '#12b5cb',
  '#c5221f',
  '#5f6368',
  '#a142f4',
  '#34a853',
  '#fa7b17',
];
const size = (b: number) => (b >= 1 << 20 ? `${b / (1 << 20)} MiB` : b >= 1024 ? `${b / 1024} KiB` : `${b} B`);

export class LabPanel {
  private charts: Chart[] = [];
  private readonly results = new Map<LabName, LabReport>();

  constructor(
    private readonly panel: HTMLElement,
    private readonly client: ControlClient,
  ) {
    for (const b of panel.querySelectorAll<HTMLButtonElement>('button[data-lab]')) {
      b.addEventListener('click', () => void this.run(b.dataset.lab as LabName, b.dataset.quick === 'true'));
    }
  }

  toggle(): void {
    this.panel.hidden = !this.panel.hidden;
  }

  progress(done: number, total: number, label: string): void {
    this.status(`Running… ${done}/${total} ${label}`);
  }

  private status(text: string): void {
    (this.panel.querySelector('#lab-status') as HTMLElement).textContent = text;
  }

  private async run(lab: LabName, quick: boolean): Promise<void> {
    const buttons = this.panel.querySelectorAll<HTMLButtonElement>('button[data-lab]');
    buttons.forEach((b) => (b.disabled = true));
    this.status(`Starting the ${lab} lab in a process of its own…`);
    try {
      this.results.set(lab, await this.client.runLab(lab, quick));
      this.status(`Done: ${new Date().toLocaleTimeString()}`);
      this.draw();
    } catch (e) {
      this.status((e as Error).message);
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  }

  private draw(): void {
    this.charts.forEach((c) => c.destroy());
    this.charts = [];
    const root = this.panel.querySelector('#lab-results') as HTMLElement;
    root.replaceChildren();
    const ipc = this.results.get('ipc') as IpcLabReport | undefined;
    const threads = this.results.get('threads') as ThreadsLabReport | undefined;
    if (ipc) root.append(this.ipcSection(ipc));
    if (threads) root.append(this.threadsSection(threads));
  }

  private ipcSection(r: IpcLabReport): HTMLElement {
    const section = element(
      'section',
      '',
      element(
        'h3',
        '',
        `IPC lab — ${r.machine.cpu}, ${r.machine.cores} cores, Node ${r.machine.node}` +
          (r.options.quick ? ' (quick)' : ''),
      ),
    );
    const charts = element('div', 'charts');
    section.append(charts);
    const labels = r.options.sizes.map(size);
    const series = (value: (c: IpcLabReport['cells'][number]) => number | undefined) =>
      r.mechanisms.map((m, i) => ({
        label: m.name,
        data: r.options.sizes.map(
          (s) => value(r.cells.find((c) => c.mechanism === m.id && c.size === s && !c.error)!) ?? null,
        ),
        borderColor: COLORS[i % COLORS.length],
        backgroundColor: COLORS[i % COLORS.length],
        borderDash: m.between === 'threads' ? [6, 3] : undefined,
      }));
    const refs = [
      {
        label: 'C: shm ring (reference)',
        data: r.references.map((x) => x.shmC?.median ?? null),
        borderColor: '#000',
        backgroundColor: '#000',
        borderDash: [2, 2],
      },
      {
        label: 'C: pipe (reference)',
        data: r.references.map((x) => x.pipeC?.median ?? null),
        borderColor: '#777',
        backgroundColor: '#777',
        borderDash: [2, 2],
      },
    ];
    this.lineChart(charts, 'Round trip, median µs (log)', labels, [...series((c) => c?.rtt?.median), ...refs]);
    this.lineChart(charts, 'One way, MB/s (log)', labels, [
      ...series((c) => (c?.throughput ? c.throughput.bytesPerSecond / 1e6 : undefined)),
      {
        label: 'memcpy (reference)',
        data: r.references.map((x) => x.memcpyBytesPerSecond / 1e6),
        borderColor: '#000',
        backgroundColor: '#000',
        borderDash: [2, 2],
      },
    ]);
    if (r.race) {
      section.append(
        element(
          'p',
          '',
          `SHM2 race, one ${size(r.race.size)} buffer rewritten by another process: without synchronization ` +
            `${r.race.unsynchronized.torn.toLocaleString('en')} of ` +
            `${r.race.unsynchronized.reads.toLocaleString('en')} reads were torn; with a sequence lock ` +
            `${r.race.seqlock.torn} of ${r.race.seqlock.reads} (after ` +
            `${r.race.seqlock.retries.toLocaleString('en')} retries).`,
        ),
      );
    }
    if (r.fifoServer) {
      section.append(
        element(
          'p',
          '',
          `NPIPE1, one FIFO server and ${r.fifoServer.clients} client processes: ${r.fifoServer.answered} of ` +
            `${r.fifoServer.requests} requests answered in ${r.fifoServer.milliseconds.toFixed(0)} ms.`,
        ),
      );
    }
    section.append(verdictTable(r.verdicts));
    return section;
  }

  private threadsSection(r: ThreadsLabReport): HTMLElement {
    const section = element('section', '', element('h3', '', 'Processes against threads'));
    const table = element('table', 'pairs');
    table.append(row('th', ['', 'process', 'thread', 'process ÷ thread']));
    const ratios = r.pairs.map((p) => p.ratio);
    r.pairs.forEach((p, i) => {
      const ratio = ratios[i];
      table.append(
        row('td', [
          p.metric,
          figure(p.process, p.unit),
          figure(p.thread, p.unit),
          ratio ? figure(ratio, '×', ratio.low > 1 || ratio.high < 1 ? '' : 'overlap') : '',
        ]),
      );
    });
    const first = r.pairs.find((p) => p.process)?.process;
    section.append(
      table,
      element(
        'p',
        'interval-note',
        first
          ? `Each figure is the median of ${[...new Set(r.pairs.map((p) => p.process?.n))].join(' or ')} ` +
              `repetitions, process and thread in turn; below it, a confidence interval of that median of at ` +
              `least ${Math.floor(first.confidence * 100)}% (order statistics). ` +
              `The ratio is taken repetition by repetition; where its interval spans 1 (grey) this run cannot ` +
              `tell the two apart, and a claim resting on it is inconclusive here.`
          : '',
      ),
    );
    const charts = element('div', 'charts');
    section.append(charts);
    const chartBox = element('div', 'chart');
    const canvas = document.createElement('canvas');
    chartBox.append(canvas);
    charts.append(chartBox);
    this.charts.push(
      new Chart<'bar' | 'line', (number | [number, number] | null)[], string>(canvas, {
        type: 'bar',
        data: {
          labels: r.pairs.map((p) => p.metric.split(':')[0]),
          datasets: [
            {
              type: 'line',
              label: 'process ÷ thread, median',
              data: ratios.map((x) => x?.median ?? null),
              showLine: false,
              pointRadius: 5,
              borderColor: '#202124',
              backgroundColor: '#202124',
            },
            {
              type: 'bar',
              label: 'its interval (log)',
              // A floating bar from the ratio's low end to its high end.
              data: ratios.map((x) => (x ? ([x.low, x.high] as [number, number]) : null)),
              backgroundColor: ratios.map((x) => (x && x.low <= 1 && x.high >= 1 ? '#bdc1c6' : '#8ab4f8')),
            },
          ],
        },
        options: { maintainAspectRatio: false, animation: false, scales: { y: { type: 'logarithmic' } } },
      }),
    );
    const list = element('ul', '');
    for (const b of r.blast)
      list.append(
        element('li', '', `${b.fault}: ${b.outcome}; siblings ${b.siblingsSurvived ? 'carried on' : 'died too'}.`),
      );
    const seen = element('ul', '');
    for (const v of r.visibility)
      seen.append(
        element(
          'li',
          '',
          `A ${v.kind} saw the lab's global variable: ${v.sawLabGlobal ? 'yes' : 'no'}; a shared buffer: ` +
            `${v.sawSharedBuffer === null ? 'none can be handed to it' : v.sawSharedBuffer ? 'yes' : 'no'}.`,
        ),
      );
    section.append(
      element('h3', '', 'Blast radius'),
      list,
      element('h3', '', 'Memory: what each can see of the other'),
      seen,
      verdictTable(r.verdicts),
    );
    return section;
  }

  private lineChart(
    parent: HTMLElement,
    title: string,
    labels: string[],
    datasets: {
      label: string;
      data: (number | null)[];
      borderColor: string;
      backgroundColor: string;
      borderDash?: number[];
    }[],
  ): void {
    const box = element('div', 'chart');
    const canvas = document.createElement('canvas');
    box.append(canvas);
    parent.append(box);
    this.charts.push(
      new Chart(canvas, {
        type: 'line',
        data: { labels, datasets },
        options: {
          maintainAspectRatio: false,
          animation: false,
          plugins: {
            legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: 10 } } },
            tooltip: { enabled: true },
          },
          scales: { y: { type: 'logarithmic', title: { display: true, text: title } } },
        },
      }),
    );
  }
}

function verdictTable(verdicts: ClaimVerdict[]): HTMLElement {
  const table = element('table', 'verdicts');
  for (const v of verdicts) {
    const tr = document.createElement('tr');
    tr.dataset.claim = v.id;
    const kind =
      v.verdict === 'holds'
        ? 'holds'
        : v.verdict === 'holds in part'
          ? 'part'
          : v.verdict === 'not measured'
            ? 'none'
            : v.verdict === 'inconclusive here'
              ? 'unsure'
              : 'not';
    const verdict = element('td', `verdict ${kind}`, v.verdict);
    if (v.ratio)
      verdict.append(
        element('small', '', `${v.ratio.median.toFixed(2)}× (${v.ratio.low.toFixed(2)}–${v.ratio.high.toFixed(2)})`),
      );
    tr.append(element('td', '', v.id), verdict, element('td', '', v.because));
    table.append(tr);
  }
  return table;
}

function row(cell: 'td' | 'th', content: (string | Node)[]): HTMLTableRowElement {
  const tr = document.createElement('tr');
  for (const c of content) tr.append(element(cell, '', c));
  return tr;
}

/** A median over its interval: "0.63 µs" above "0.62–0.64". */
function figure(e: Estimate | null, unit: string, className = ''): HTMLElement {
  const f = (x: number) => (Math.abs(x) < 10 ? x.toFixed(2) : x.toFixed(0));
  const box = element('span', `figure ${className}`.trim());
  if (!e) box.append('—');
  else box.append(`${f(e.median)} ${unit}`, element('small', '', `${f(e.low)}–${f(e.high)}`));
  return box;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...content: (string | Node)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.append(...content);
  return el;
}

/**
 * The Task Manager's Policies section: the GPU fallback stack drawn as a stack, the level in
 * force and the crashes counted towards the next fallback (Chromium's policy), then each of
 * Minium's crash, hang and loading figures beside Chromium's, saying why where they differ.
 * Refreshed with the Task Manager, which it sits in.
 */
import type { GpuPolicyInfo, PolicyFigure, PolicyInfo } from '../../src/common/controlApi';
import type { ControlClient } from './ControlClient';

export class PoliciesPanel {
  constructor(
    private readonly root: HTMLElement,
    private readonly client: ControlClient,
    private readonly report: (message: string) => void,
  ) {}

  async refresh(): Promise<void> {
    let info: PolicyInfo;
    try {
      info = await this.client.policies();
    } catch (e) {
      return this.report(`Policies: ${(e as Error).message}`);
    }
    this.root.replaceChildren(
      heading('GPU fallback stack'),
      stack(info.gpu),
      crashes(info.gpu),
      heading('Minium and Chromium'),
      figures(info.figures),
    );
  }
}

function heading(text: string): HTMLHeadingElement {
  const h = document.createElement('h3');
  h.textContent = text;
  return h;
}

/** Best level on top; the level in force marked; levels above it used up. */
function stack(gpu: GpuPolicyInfo): HTMLOListElement {
  const ol = document.createElement('ol');
  ol.className = 'gpu-stack';
  gpu.stack.forEach((level, i) => {
    const li = document.createElement('li');
    li.className = i === gpu.level ? 'current' : i < gpu.level ? 'used' : 'below';
    const label = document.createElement('strong');
    label.textContent = i === gpu.level ? `${level.label} — in force` : level.label;
    const chromium = document.createElement('span');
    chromium.textContent = `Chromium: ${level.chromium}`;
    li.append(label, chromium);
    ol.append(li);
  });
  return ol;
}

function crashes(gpu: GpuPolicyInfo): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'gpu-crashes';
  const last = gpu.level === gpu.stack.length - 1;
  const next = gpu.nextForgivenAt
    ? `; the next is forgiven at ${new Date(gpu.nextForgivenAt).toLocaleTimeString()}`
    : '';
  p.textContent = last
    ? `GPU crashes: ${gpu.totalCrashes} in all. This is the last level: there is nothing to fall back to.`
    : `Recent GPU crashes: ${gpu.recentCrashes} of ${gpu.maxCrashes} before the next fallback ` +
      `(one forgiven per ${gpu.forgiveMinutes} min without a crash${next}); ${gpu.totalCrashes} in all.`;
  return p;
}

function figures(list: PolicyFigure[]): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'policy-figures';
  const head = document.createElement('tr');
  for (const h of ['', 'Minium', 'Chromium']) {
    const th = document.createElement('th');
    th.textContent = h;
    head.append(th);
  }
  table.append(head);
  for (const f of list) {
    const tr = document.createElement('tr');
    tr.className = f.differs ? 'differs' : 'same';
    for (const text of [f.name, f.minium, f.chromium]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    table.append(tr);
    if (f.differs) {
      const why = document.createElement('tr');
      why.className = 'why';
      const td = document.createElement('td');
      td.colSpan = 3;
      td.textContent = `Differs on purpose: ${f.differs}.`;
      why.append(td);
      table.append(why);
    }
  }
  return table;
}

/**
 * `minium://discards`, as Chrome's chrome://discards: every tab with its visibility, loading
 * state and lifecycle state, and the actions Load (activate), Freeze and Discard. An internal page: no
 * renderer draws it, the window does, from the tab list it keeps live with the browser's events.
 */
import type { TabInfo } from '../../src/common/controlApi';
import type { ControlClient } from './ControlClient';

/** The lifecycle state chrome://discards shows: active (shown), hidden, frozen, discarded, or crashed. */
function lifecycle(t: TabInfo): string {
  if (t.state === 'discarded' || t.state === 'crashed') return t.state;
  if (t.frozen) return 'frozen';
  return t.visible ? 'active' : 'hidden';
}

export class DiscardsPage {
  constructor(
    private readonly panel: HTMLElement,
    private readonly body: HTMLElement,
    private readonly client: ControlClient,
    private readonly report: (message: string) => void,
  ) {}

  /** Shown while the active tab is `minium://discards`, drawn again at every tab change. */
  show(visible: boolean, tabs: Iterable<TabInfo>): void {
    this.panel.hidden = !visible;
    if (visible) this.body.replaceChildren(...[...tabs].map((t) => this.row(t)));
  }

  private row(t: TabInfo): HTMLTableRowElement {
    const row = document.createElement('tr');
    row.dataset.tabId = String(t.id);
    row.dataset.lifecycle = lifecycle(t);
    const actions = document.createElement('td');
    const load = this.button('Load', 'Show this tab (a discarded tab loads again)', () =>
      this.client.activateTab(t.id),
    );
    const discard = this.button('Discard', 'Free this tab’s renderer; the tab loads again when shown', () =>
      this.client.discardTab(t.id),
    );
    const freeze = this.button('Freeze', 'Stop this hidden tab’s timers, frames and workers until it is shown', () =>
      this.client.freezeTab(t.id),
    );
    freeze.classList.add('freeze');
    freeze.disabled = t.visible || t.frozen === true || t.pid === null;
    discard.classList.add('discard');
    discard.disabled = t.visible || t.state === 'discarded';
    actions.append(load, freeze, discard);
    row.append(
      cell(t.title),
      cell(t.url),
      cell(t.visible ? 'visible' : 'hidden'),
      cell(t.state === 'loading' ? 'loading' : t.state === 'discarded' ? 'unloaded' : 'loaded'),
      cell(lifecycle(t), 'lifecycle'),
      cell(t.pid === null ? '—' : String(t.pid)),
      cell(String(t.framesPresented)),
      actions,
    );
    return row;
  }

  private button(label: string, title: string, act: () => Promise<unknown>): HTMLButtonElement {
    const b = document.createElement('button');
    b.textContent = label;
    b.title = title;
    b.addEventListener('click', () => void act().catch((e: Error) => this.report(e.message)));
    return b;
  }
}

function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

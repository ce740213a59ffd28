/**
 * The browser's tabs: one TabStrip per Browser, owning every Tab record from `openTab` to
 * `closeTab`. It hands out ids, finds tabs, keeps which one is active (the one the window shows,
 * hence the only visible one) and the order they were last active in, and turns a record into
 * the TabInfo the control API shows; whoever changes a tab calls `changed` so that the
 * `tab-updated` event follows.
 */
import type { BrowserEvent, TabInfo, TabState } from '../common/controlApi';
import type { Emitter } from '../common/Emitter';
import { errors } from '../common/errors';
import type { RenderProcessHost } from './RenderProcessHost';

/** One tab. `host` is the renderer drawing it, null while it has none (crashed, or between sites). */
export interface Tab {
  readonly id: number;
  url: string;
  site: string;
  title: string;
  state: TabState;
  crashReason?: TabInfo['crashReason'];
  exitCode?: number | null;
  exitSignal?: string | null;
  error?: string;
  host: RenderProcessHost | null;
  /** Hidden and frozen: no page or worker task runs until the tab is shown. */
  frozen?: boolean;
}

/** The display compositor's surface of a tab. */
export function tabSurfaceId(tabId: number): string {
  return `tab:${tabId}`;
}

export class TabStrip {
  private readonly tabs = new Map<number, Tab>();
  private nextId = 1;
  /** Tab ids, least recently active first; the last is the active tab. */
  private readonly activation: number[] = [];

  constructor(
    private readonly events: Emitter<BrowserEvent>,
    private readonly framesPresented: (surfaceId: string) => number,
  ) {}

  /** The id the next tab will get; taken only by `add`, so a tab that failed to open uses none. */
  peekId(): number {
    return this.nextId;
  }

  add(tab: Tab): void {
    if (tab.id !== this.nextId) throw new Error(`Tab ${tab.id} added out of turn; the next id is ${this.nextId}`);
    this.nextId++;
    this.tabs.set(tab.id, tab);
  }

  remove(id: number): void {
    this.tabs.delete(id);
    this.forgetActivation(id);
  }

  /** The tab shown in the window: the last opened or activated one still open. */
  active(): Tab | undefined {
    const id = this.activation.at(-1);
    return id === undefined ? undefined : this.tabs.get(id);
  }

  /** Makes the tab the active one; returns the tab that was active before, if another. */
  setActive(tab: Tab): Tab | undefined {
    const previous = this.active();
    this.forgetActivation(tab.id);
    this.activation.push(tab.id);
    return previous === tab ? undefined : previous;
  }

  isVisible(tab: Tab): boolean {
    return this.activation.at(-1) === tab.id;
  }

  private forgetActivation(id: number): void {
    const at = this.activation.indexOf(id);
    if (at >= 0) this.activation.splice(at, 1);
  }

  get(id: number): Tab {
    const tab = this.tabs.get(id);
    if (!tab) throw errors.noSuchTab(id);
    return tab;
  }

  find(id: number): Tab | undefined {
    return this.tabs.get(id);
  }

  all(): Tab[] {
    return [...this.tabs.values()];
  }

  drawnBy(host: RenderProcessHost): Tab[] {
    return this.all().filter((t) => t.host === host);
  }

  changed(tab: Tab): void {
    this.events.fire({ type: 'tab-updated', tab: this.info(tab) });
  }

  info(t: Tab): TabInfo {
    const surfaceId = tabSurfaceId(t.id);
    return {
      id: t.id,
      url: t.url,
      title: t.title,
      site: t.site,
      pid: t.host?.pid ?? null,
      state: t.state,
      ...(t.crashReason ? { crashReason: t.crashReason, exitCode: t.exitCode, exitSignal: t.exitSignal } : {}),
      ...(t.error ? { error: t.error } : {}),
      framesPresented: this.framesPresented(surfaceId),
      surfaceId,
      visible: this.isVisible(t),
      ...(t.frozen ? { frozen: true as const } : {}),
      ...(t.host?.unresponsive ? { unresponsive: true as const } : {}),
    };
  }
}

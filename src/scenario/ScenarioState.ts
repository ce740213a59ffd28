/**
 * What a running scenario knows about the browser: which tab each name stands for, the last
 * renderer each tab had (a killed renderer's pid outlives the tab's `pid`), and the events seen
 * since the scenario began. One per run; it subscribes to the kernel's events until disposed.
 */
import type { BrowserEvent, ChromeTrace, ControlApi, ProcessInfo, TabInfo } from '../common/controlApi';
import type { ProcessRef, TabRef } from './steps';

export class ScenarioState {
  private readonly tabIds = new Map<TabRef, number>();
  private readonly lastPid = new Map<number, number>();
  readonly eventsSeen = new Map<string, number>();
  /** Recording a trace now (`trace on`): the run stops it if it ends before `trace off`. */
  tracing = false;
  /** The last trace recorded (`trace off`), for `busiest` and `traced`. */
  trace: ChromeTrace | null = null;
  private readonly off: () => void;

  constructor(readonly api: ControlApi) {
    this.off = api.onEvent((e) => this.saw(e));
  }

  dispose(): void {
    this.off();
  }

  name(tab: TabRef, info: TabInfo): void {
    this.tabIds.set(tab, info.id);
    if (info.pid) this.lastPid.set(info.id, info.pid);
  }

  tabId(tab: TabRef): number {
    const id = this.tabIds.get(tab);
    if (id === undefined) throw new Error(`the tab "${tab}" was not opened`);
    return id;
  }

  tab(tab: TabRef): TabInfo {
    const id = this.tabId(tab);
    const info = this.api.listTabs().find((t) => t.id === id);
    if (!info) throw new Error(`the tab "${tab}" (#${id}) is closed`);
    if (info.pid) this.lastPid.set(id, info.pid);
    return info;
  }

  /** The process a reference names now, or null when there is none (yet, or any more). */
  async find(ref: ProcessRef): Promise<ProcessInfo | null> {
    const all = await this.api.listProcesses();
    switch (ref.kind) {
      case 'browser':
      case 'gpu':
      case 'plugin':
        return all.find((p) => p.role === ref.kind) ?? null;
      case 'site': {
        const site = ref.site.replace(/\/$/, '');
        return all.find((p) => p.role === 'renderer' && p.site === site) ?? null;
      }
      case 'renderer': {
        const pid = this.tab(ref.tab).pid ?? this.lastPid.get(this.tabId(ref.tab));
        return all.find((p) => p.pid === pid) ?? null;
      }
    }
  }

  /** The pid a reference names: of the running process, or the last one a tab had. */
  async pid(ref: ProcessRef): Promise<number> {
    const p = await this.find(ref);
    if (p) return p.pid;
    const last = ref.kind === 'renderer' ? this.lastPid.get(this.tabId(ref.tab)) : undefined;
    if (last) return last;
    throw new Error(`there is no ${describeProcess(ref)} process`);
  }

  private saw(e: BrowserEvent): void {
    this.eventsSeen.set(e.type, (this.eventsSeen.get(e.type) ?? 0) + 1);
    if (e.type === 'tab-updated' && e.tab.pid) this.lastPid.set(e.tab.id, e.tab.pid);
  }
}

export function describeProcess(ref: ProcessRef): string {
  switch (ref.kind) {
    case 'browser':
      return 'browser';
    case 'gpu':
      return 'GPU';
    case 'plugin':
      return 'plugin';
    case 'renderer':
      return `"${ref.tab}" renderer`;
    case 'site':
      return `${ref.site} renderer`;
  }
}

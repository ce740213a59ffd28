/**
 * The tabs' consoles: one ConsoleStore per Browser, keeping the newest entries of each open tab
 * (dropped when the tab closes; kept across navigations, as DevTools' "preserve log" would) and
 * announcing each new entry as a `console` event.
 */
import type { BrowserEvent, ConsoleEntry } from '../common/controlApi';
import type { Emitter } from '../common/Emitter';

/** Entries kept per tab: enough to read a page's story, bounded against a page that logs in a loop. */
export const CONSOLE_KEPT = 200;

export class ConsoleStore {
  private readonly byTab = new Map<number, ConsoleEntry[]>();

  constructor(
    private readonly events: Emitter<BrowserEvent>,
    private readonly clock: () => number = Date.now,
  ) {}

  add(tabId: number, level: ConsoleEntry['level'], message: string): void {
    const entry: ConsoleEntry = { level, message, at: this.clock() };
    const entries = this.byTab.get(tabId) ?? [];
    entries.push(entry);
    if (entries.length > CONSOLE_KEPT) entries.shift();
    this.byTab.set(tabId, entries);
    this.events.fire({ type: 'console', tabId, entry });
  }

  /** A copy, newest last. */
  messages(tabId: number): ConsoleEntry[] {
    return [...(this.byTab.get(tabId) ?? [])];
  }

  forget(tabId: number): void {
    this.byTab.delete(tabId);
  }
}

/** The active tab's console: what its scripts logged and the errors they raised, as the browser kept them. */
import type { ConsoleEntry } from '../../src/common/controlApi';
import type { ControlClient } from './ControlClient';

const SHOWN = 200;

export class ConsolePanel {
  private tabId: number | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly list: HTMLElement,
    private readonly client: ControlClient,
  ) {}

  toggle(): void {
    this.root.hidden = !this.root.hidden;
    if (!this.root.hidden) void this.load();
  }

  /** The active tab changed: show its messages. */
  showTab(tabId: number | null): void {
    if (tabId === this.tabId) return;
    this.tabId = tabId;
    void this.load();
  }

  add(tabId: number, entry: ConsoleEntry): void {
    if (tabId !== this.tabId) return;
    this.append(entry);
  }

  private async load(): Promise<void> {
    if (this.tabId === null || this.root.hidden) return this.list.replaceChildren();
    const tabId = this.tabId;
    try {
      const entries = await this.client.consoleMessages(tabId);
      // Replaced only now: events that arrived meanwhile are among the entries fetched.
      if (tabId !== this.tabId) return;
      this.list.replaceChildren();
      entries.forEach((e) => this.append(e));
    } catch {
      // The tab closed meanwhile: nothing to show.
    }
  }

  private append(entry: ConsoleEntry): void {
    const li = document.createElement('li');
    li.className = `console-${entry.level}`;
    li.textContent = `${new Date(entry.at).toLocaleTimeString()}  ${entry.message}`;
    this.list.append(li);
    while (this.list.childElementCount > SHOWN) this.list.firstElementChild?.remove();
    this.list.scrollTop = this.list.scrollHeight;
  }
}

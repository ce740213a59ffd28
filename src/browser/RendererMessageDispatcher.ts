/**
 * Routes what renderers say to the part that owns it: one dispatcher per Browser, listening to
 * every renderer for as long as it lives. Messages about a tab are believed only from the
 * renderer that draws the tab now; others are stale (the tab just closed or moved to another
 * site's renderer), not hostile, and are dropped. A renderer's console messages beyond twice its
 * own budget are dropped here, as a backstop, with a note in the tab's console.
 */
import { LIMITS } from '../common/limits';
import { LogBudget } from '../common/LogBudget';
import type { RendererToBrowser } from '../common/protocol';
import type { ConsoleStore } from './ConsoleStore';
import type { PluginService } from './PluginService';
import type { RenderProcessHost } from './RenderProcessHost';
import type { ResourceServer } from './ResourceServer';
import type { TabStrip } from './TabStrip';
import type { TileReportRequests } from './TileReportRequests';

/** Twice what an honest renderer sends at most, so that only a dishonest one ever meets it. */
const BACKSTOP = { messages: 2 * LIMITS.logMessagesPerSecond, bytes: 2 * LIMITS.logBytesPerSecond };

export class RendererMessageDispatcher {
  private readonly consoleBudgets = new WeakMap<RenderProcessHost, LogBudget<number>>();

  constructor(
    private readonly parts: {
      tabs: TabStrip;
      resources: ResourceServer;
      plugins: PluginService;
      console: ConsoleStore;
      tileReports: TileReportRequests;
    },
  ) {}

  dispatch(host: RenderProcessHost, m: RendererToBrowser): void {
    const { tabs, resources, plugins, console, tileReports } = this.parts;
    // The host itself handles the handshake, thread stats, log lines, trace buffers, its main thread's
    // health and its warm-up.
    if (
      m.type === 'ready' ||
      m.type === 'stats' ||
      m.type === 'log' ||
      m.type === 'main-thread-health' ||
      m.type === 'threads-started' ||
      m.type === 'trace-started' ||
      m.type === 'trace-data' ||
      m.type === 'trace-end'
    )
      return;
    if (m.type === 'tile-report') return tileReports.answer(host, m.requestId, m.report);
    const tab = tabs.find(m.tabId);
    if (!tab || tab.host !== host) return;
    switch (m.type) {
      case 'resource-request':
        return void resources.serve(host, tab, m);
      case 'tab-loaded':
        Object.assign(tab, { title: m.title, state: 'live' });
        return tabs.changed(tab);
      case 'plugin-request':
        return plugins.create(host, tab.id, m.instanceId, m.mimeType, m.size);
      case 'plugin-released':
        return plugins.release(host, tab.id, m.instanceId);
      case 'console':
        if (this.consoleBudgetOf(host).admit(tab.id, m.message.length)) console.add(tab.id, m.level, m.message);
        return;
    }
  }

  private consoleBudgetOf(host: RenderProcessHost): LogBudget<number> {
    let budget = this.consoleBudgets.get(host);
    if (!budget) {
      budget = new LogBudget(BACKSTOP, (tabId, count) => {
        if (this.parts.tabs.find(tabId)?.host === host)
          this.parts.console.add(tabId, 'warn', `… ${count} console messages dropped by the browser`);
      });
      this.consoleBudgets.set(host, budget);
    }
    return budget;
  }
}

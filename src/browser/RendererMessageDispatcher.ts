/**
 * Routes what renderers say to the part that owns it: one dispatcher per Browser, listening to
 * every renderer for as long as it lives. Messages about a tab are believed only from the
 * renderer that draws the tab now; others are stale (the tab just closed or moved to another
 * site's renderer), not hostile, and are dropped.
 */
import type { RendererToBrowser } from '../common/protocol';
import type { ConsoleStore } from './ConsoleStore';
import type { PluginService } from './PluginService';
import type { RenderProcessHost } from './RenderProcessHost';
import type { ResourceServer } from './ResourceServer';
import type { TabStrip } from './TabStrip';
import type { TileReportRequests } from './TileReportRequests';

export class RendererMessageDispatcher {
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
    // The host itself handles the handshake, thread stats, log lines and its main thread's health.
    if (m.type === 'ready' || m.type === 'stats' || m.type === 'log' || m.type === 'main-thread-health') return;
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
      case 'console':
        return console.add(tab.id, m.level, m.message);
    }
  }
}

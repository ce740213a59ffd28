/**
 * Tabs and navigation: one NavigationController per Browser (unlike Chromium's, one per tab). It
 * opens, navigates and closes tabs and keeps each in the renderer of its site: a cross-site
 * navigation moves the tab to another renderer. It decides what a tab shows when its renderer
 * dies.
 */
import type { BrowserEvent, TabInfo } from '../common/controlApi';
import type { Emitter } from '../common/Emitter';
import { errors } from '../common/errors';
import type { ExitReason } from '../common/exitReason';
import { parseUserUrl, siteForUrl } from '../common/site';
import type { ConsoleStore } from './ConsoleStore';
import type { PluginService } from './PluginService';
import type { RendererRegistry } from './RendererRegistry';
import type { RenderProcessHost } from './RenderProcessHost';
import type { Tab, TabStrip } from './TabStrip';

export class NavigationController {
  constructor(
    private readonly parts: {
      tabs: TabStrip;
      renderers: RendererRegistry;
      plugins: PluginService;
      console: ConsoleStore;
      events: Emitter<BrowserEvent>;
    },
    private readonly viewport: { w: number; h: number },
  ) {}

  open(input: string): TabInfo {
    const { tabs } = this.parts;
    const url = parse(input);
    const tab: Tab = {
      id: tabs.peekId(),
      url: url.href,
      site: siteForUrl(url),
      title: url.href,
      state: 'loading',
      host: null,
    };
    this.attach(tab); // throws before the tab exists if the process limit is reached
    tabs.add(tab);
    tabs.changed(tab);
    return tabs.info(tab);
  }

  close(id: number): void {
    const { tabs, console, events } = this.parts;
    const tab = tabs.get(id);
    this.detach(tab);
    tabs.remove(id);
    console.forget(id);
    events.fire({ type: 'tab-closed', tabId: id });
  }

  navigate(id: number, input: string): TabInfo {
    const { tabs, plugins } = this.parts;
    const tab = tabs.get(id);
    const url = parse(input);
    const site = siteForUrl(url);
    if (tab.host && tab.host.site === site) {
      tab.host.send({ type: 'close-tab', tabId: tab.id });
      plugins.destroyForTab(tab.id);
      Object.assign(tab, { url: url.href, title: url.href, state: 'loading', error: undefined });
      tab.host.send({ type: 'open-tab', tabId: tab.id, url: tab.url, viewport: this.viewport });
    } else {
      // A cross-site navigation moves the tab to the new site's renderer.
      const previous = { url: tab.url, site: tab.site };
      Object.assign(tab, { url: url.href, site, title: url.href });
      try {
        this.detach(tab);
        this.attach(tab);
      } catch (e) {
        Object.assign(tab, previous);
        throw e;
      }
    }
    tabs.changed(tab);
    return tabs.info(tab);
  }

  /** The renderer died: its tabs show it crashed, with the reason, until reloaded. */
  lostRenderer(host: RenderProcessHost, reason: ExitReason): void {
    const { tabs, plugins } = this.parts;
    for (const tab of tabs.drawnBy(host)) {
      plugins.destroyForTab(tab.id);
      Object.assign(tab, { host: null, state: 'crashed', crashReason: reason });
      tabs.changed(tab);
    }
  }

  /** Puts the tab in its site's renderer, launching one if needed. */
  private attach(tab: Tab): void {
    const { renderers } = this.parts;
    const host = renderers.rendererFor(tab.site);
    tab.host = host;
    Object.assign(tab, { state: 'loading', crashReason: undefined, error: undefined });
    renderers.addTab(host, tab.id);
    host.send({ type: 'open-tab', tabId: tab.id, url: tab.url, viewport: this.viewport });
  }

  private detach(tab: Tab): void {
    const { renderers, plugins } = this.parts;
    const host = tab.host;
    plugins.destroyForTab(tab.id);
    tab.host = null;
    if (host) renderers.removeTab(host, tab.id);
  }
}

function parse(input: unknown): URL {
  if (typeof input !== 'string') throw errors.badUrl('The address must be a string.');
  const parsed = parseUserUrl(input);
  if (!parsed.ok) throw errors.badUrl(parsed.reason);
  return parsed.url;
}

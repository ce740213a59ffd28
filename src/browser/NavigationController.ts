/**
 * Tabs and navigation: one NavigationController per Browser (unlike Chromium's, one per tab). It
 * opens, navigates and closes tabs and keeps each in the renderer of its site: a cross-site
 * navigation moves the tab to another renderer. It decides what a tab shows when its renderer
 * dies. It carries out debug URLs (`minium://crash` …) as Chrome's navigation does: never
 * committed, each handed to whoever does that fault — the browser itself, the GPU process, or
 * the tab's renderer (launched first if the tab has none).
 */
import type { BrowserEvent, TabInfo } from '../common/controlApi';
import type { Emitter } from '../common/Emitter';
import { errors } from '../common/errors';
import { type DebugUrlKind, debugUrlKind } from '../common/debugUrls';
import { parseUserUrl, siteForUrl } from '../common/site';
import type { Gone } from './ChildProcessHost';
import type { ConsoleStore } from './ConsoleStore';
import type { GpuService } from './GpuService';
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
      gpu: GpuService;
      console: ConsoleStore;
      events: Emitter<BrowserEvent>;
    },
    private readonly viewport: { w: number; h: number },
  ) {}

  open(input: string): TabInfo {
    const { tabs } = this.parts;
    const debug = debugUrlKind(input);
    const url = debug ? new URL(`minium://${debug}`) : parse(input);
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
    if (debug) this.runDebugUrl(tab, debug);
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
    const debug = debugUrlKind(input);
    if (debug && tab.host) {
      this.runDebugUrl(tab, debug);
      return tabs.info(tab);
    }
    const url = debug ? new URL(`minium://${debug}`) : parse(input);
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
    if (debug) this.runDebugUrl(tab, debug);
    return tabs.info(tab);
  }

  /** The renderer died: its tabs show it crashed, with the reason and how it ended, until reloaded. */
  lostRenderer(host: RenderProcessHost, gone: Gone): void {
    const { tabs, plugins } = this.parts;
    for (const tab of tabs.drawnBy(host)) {
      plugins.destroyForTab(tab.id);
      Object.assign(tab, {
        host: null,
        state: 'crashed',
        crashReason: gone.reason,
        exitCode: gone.exitCode,
        exitSignal: gone.signal,
      });
      tabs.changed(tab);
    }
  }

  /** A debug URL, for a tab that has a renderer (a new one loads the URL's error page meanwhile). */
  private runDebugUrl(tab: Tab, kind: DebugUrlKind): void {
    const { gpu } = this.parts;
    if (kind === 'gpucrash' || kind === 'gpuhang') return gpu.debug(kind);
    if (!tab.host) throw new Error(`Tab ${tab.id} has no renderer for ${kind}`);
    if (kind === 'kill') return tab.host.kill('SIGKILL');
    tab.host.send({ type: 'debug-url', kind });
  }

  /** Puts the tab in its site's renderer, launching one if needed. */
  private attach(tab: Tab): void {
    const { renderers } = this.parts;
    const host = renderers.rendererFor(tab.site);
    tab.host = host;
    Object.assign(tab, {
      state: 'loading',
      crashReason: undefined,
      exitCode: undefined,
      exitSignal: undefined,
      error: undefined,
    });
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

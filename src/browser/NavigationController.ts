/**
 * Tabs and navigation: one NavigationController per Browser (unlike Chromium's, one per tab). It
 * opens, navigates and closes tabs and keeps each in the renderer of its site: a cross-site
 * navigation moves the tab to another renderer. It decides what a tab shows when its renderer
 * dies. It carries out debug URLs (`minium://crash` …) as Chrome's navigation does: never
 * committed, each handed to whoever does that fault — the browser itself, the GPU process, or
 * the tab's renderer (launched first if the tab has none). It keeps the tab lifecycle: the active
 * tab is the visible one and every other is hidden (its renderer told so, to draw nothing and
 * throttle its timers); a hidden tab can be frozen (no task runs) or discarded (its renderer
 * freed), and is resumed or loaded again when activated. Internal pages (`minium://discards`)
 * need no renderer: the window draws them.
 */
import type { BrowserEvent, TabInfo } from '../common/controlApi';
import type { Emitter } from '../common/Emitter';
import { errors } from '../common/errors';
import { type DebugUrlKind, debugUrlKind } from '../common/debugUrls';
import { INTERNAL_PAGES, internalPageKind } from '../common/internalPages';
import { parseUserUrl, siteForUrl } from '../common/site';
import type { Gone } from './ChildProcessHost';
import type { ConsoleStore } from './ConsoleStore';
import type { GpuService } from './GpuService';
import type { PluginService } from './PluginService';
import type { RendererRegistry } from './RendererRegistry';
import type { RenderProcessHost } from './RenderProcessHost';
import { tilePoolOf } from './SharedMappings';
import type { Tab, TabStrip } from './TabStrip';

/** What a tab's last load left behind (a freeze, a crash, an error), cleared when it loads anew or is discarded. */
const NO_OUTCOME = {
  frozen: false,
  crashReason: undefined,
  exitCode: undefined,
  exitSignal: undefined,
  error: undefined,
} as const;

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

  /** Opens a tab; the new tab is the active one, shown in the window. */
  open(input: string): TabInfo {
    const { tabs } = this.parts;
    const url = addressOf(input);
    const debug = debugUrlKind(input);
    const tab: Tab = {
      id: tabs.peekId(),
      url: url.href,
      site: siteForUrl(url),
      title: url.href,
      state: 'loading',
      host: null,
    };
    this.load(tab, true); // throws before the tab exists if the process limit is reached
    tabs.add(tab);
    this.makeActive(tab);
    tabs.changed(tab);
    if (debug) this.runDebugUrl(tab, debug);
    return tabs.info(tab);
  }

  close(id: number): void {
    const { tabs, console, events, plugins } = this.parts;
    const tab = tabs.get(id);
    const wasActive = tabs.isVisible(tab);
    this.detach(tab);
    tabs.remove(id);
    plugins.forgetTab(id);
    console.forget(id);
    events.fire({ type: 'tab-closed', tabId: id });
    // As a browser shows another tab when the active one closes: here, the one active before it.
    const next = tabs.active();
    if (wasActive && next) this.show(next);
  }

  /** Shows the tab in the window and hides the one shown before; a discarded tab loads again. */
  activate(id: number): TabInfo {
    const { tabs } = this.parts;
    const tab = tabs.get(id);
    if (!tabs.isVisible(tab)) {
      this.makeActive(tab);
      this.show(tab);
    }
    return tabs.info(tab);
  }

  /**
   * Freezes a hidden tab, as chrome://discards' Freeze (and Chrome's freezing of busy background
   * tabs): no page timer, frame or worker task runs until the tab is shown again. Its renderer
   * stays, and so does everything in it.
   */
  freeze(id: number): TabInfo {
    const { tabs } = this.parts;
    const tab = tabs.get(id);
    if (tabs.isVisible(tab)) throw errors.tabVisible(id, 'frozen');
    if (!tab.host || tab.host.state === 'gone') throw errors.tabNotLive(id);
    tab.frozen = true;
    tab.host.send({ type: 'tab-lifecycle', tabId: tab.id, lifecycle: 'frozen' });
    tabs.changed(tab);
    return tabs.info(tab);
  }

  /**
   * Frees a hidden tab's renderer, as Chrome's tab discarding: the renderer forgets the tab and
   * ends if it draws no other. The tab stays in the strip, `discarded`, and loads when activated.
   */
  discard(id: number): TabInfo {
    const { tabs } = this.parts;
    const tab = tabs.get(id);
    if (tabs.isVisible(tab)) throw errors.tabVisible(id, 'discarded');
    this.detach(tab);
    Object.assign(tab, { ...NO_OUTCOME, state: 'discarded' });
    tabs.changed(tab);
    return tabs.info(tab);
  }

  navigate(id: number, input: string): TabInfo {
    const { tabs, plugins } = this.parts;
    const tab = tabs.get(id);
    const debug = debugUrlKind(input);
    if (debug && tab.host) {
      this.runDebugUrl(tab, debug);
      return tabs.info(tab);
    }
    const url = addressOf(input);
    const site = siteForUrl(url);
    const visible = tabs.isVisible(tab);
    if (tab.host && tab.host.site === site && !internalPageKind(url.href)) {
      tab.host.send({ type: 'close-tab', tabId: tab.id });
      plugins.destroyForTab(tab.id);
      Object.assign(tab, { url: url.href, title: url.href, state: 'loading', error: undefined, frozen: false });
      tab.host.send({ type: 'open-tab', tabId: tab.id, url: tab.url, viewport: this.viewport, visible });
    } else {
      // A cross-site navigation moves the tab to the new site's renderer.
      const previous = { url: tab.url, site: tab.site };
      Object.assign(tab, { url: url.href, site, title: url.href });
      try {
        this.detach(tab);
        this.load(tab, visible);
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
        frozen: false,
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
    if (kind === 'memory-probe')
      return tab.host.send({ type: 'debug-url', kind, tabId: tab.id, target: this.probeTarget(tab.host) });
    tab.host.send({ type: 'debug-url', kind, tabId: tab.id });
  }

  /** Another renderer for the memory probe to aim at: one with a tile pool, of another site if there is one. */
  private probeTarget(prober: RenderProcessHost): { pid: number; poolFd: number; poolAddress: number } | null {
    const others = this.parts.renderers.all().filter((r) => r !== prober && r.pid !== null && r.state !== 'gone');
    others.sort((a, b) => Number(a.site === prober.site) - Number(b.site === prober.site));
    for (const r of others) {
      const pool = tilePoolOf(r.pid!);
      if (pool) return { pid: r.pid!, poolFd: pool.fd, poolAddress: pool.address };
    }
    return null;
  }

  /** Makes the tab the active one; the tab active before is hidden. */
  private makeActive(tab: Tab): void {
    const { tabs } = this.parts;
    const previous = tabs.setActive(tab);
    if (!previous) return;
    previous.host?.send({ type: 'tab-lifecycle', tabId: previous.id, lifecycle: 'hidden' });
    this.parts.plugins.setTabVisible(previous.id, false);
    tabs.changed(previous);
  }

  /** The tab just became the active one: its renderer shows it, or, discarded, it loads again. */
  private show(tab: Tab): void {
    const { tabs } = this.parts;
    this.parts.plugins.setTabVisible(tab.id, true);
    tab.frozen = false; // a tab shown is resumed
    if (tab.state === 'discarded') this.load(tab, true);
    else tab.host?.send({ type: 'tab-lifecycle', tabId: tab.id, lifecycle: 'visible' });
    tabs.changed(tab);
  }

  /** Loads the tab's address: an internal page at once, a web page in its site's renderer. */
  private load(tab: Tab, visible: boolean): void {
    const internal = internalPageKind(tab.url);
    if (!internal) return this.attach(tab, visible);
    Object.assign(tab, { ...NO_OUTCOME, host: null, state: 'live', title: INTERNAL_PAGES[internal].title });
  }

  /** Puts the tab in its site's renderer, launching one if needed. */
  private attach(tab: Tab, visible: boolean): void {
    const { renderers } = this.parts;
    const host = renderers.rendererFor(tab.site);
    tab.host = host;
    Object.assign(tab, { ...NO_OUTCOME, state: 'loading' });
    renderers.addTab(host, tab.id);
    host.send({ type: 'open-tab', tabId: tab.id, url: tab.url, viewport: this.viewport, visible });
  }

  private detach(tab: Tab): void {
    const { renderers, plugins } = this.parts;
    const host = tab.host;
    plugins.destroyForTab(tab.id);
    tab.host = null;
    if (host) renderers.removeTab(host, tab.id);
  }
}

/** What a typed address names: a debug URL or internal page as itself, anything else as a web address. */
function addressOf(input: string): URL {
  const special = debugUrlKind(input) ?? internalPageKind(input);
  return special ? new URL(`minium://${special}`) : parse(input);
}

function parse(input: unknown): URL {
  if (typeof input !== 'string') throw errors.badUrl('The address must be a string.');
  const parsed = parseUserUrl(input);
  if (!parsed.ok) throw errors.badUrl(parsed.reason);
  return parsed.url;
}

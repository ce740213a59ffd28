/**
 * The browser kernel: tabs, navigation, the site→process policy, and the hosts of every child
 * process. Host-agnostic: the Electron shell, the web shell, the CLI and the tests all drive it
 * through the ControlApi it implements.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import type {
  BrowserEvent,
  ConsoleEntry,
  ControlApi,
  DemoInfo,
  DisplayInfo,
  ProcessInfo,
  TabInfo,
  TabState,
} from '../common/controlApi';
import { InputEvent, parseMessage, type RenderingOverlays, type TileReport } from '../common/protocol';
import type { LabName, LabReport } from '../common/labReports';
import { Emitter } from '../common/Emitter';
import { errors } from '../common/errors';
import { isAllowedForSite, parseUserUrl, siteForUrl } from '../common/site';
import { DEFAULT_VIEWPORT } from '../common/tiles';
import type { ChildLauncher } from '../platform/ChildProcess';
import { ASSETS_DIR } from '../platform/paths';
import type { ProcessHostView } from './ChildProcessHost';
import { loadDemoCatalog } from './DemoCatalog';
import { GpuService } from './GpuService';
import { PluginService } from './PluginService';
import { ProcessModel } from './ProcessModel';
import { describeProcesses } from './ProcessList';
import { RenderProcessHost } from './RenderProcessHost';
import { LabRunner } from './LabRunner';
import { ResourceLoader } from './ResourceLoader';

export interface BrowserOptions {
  launcher: ChildLauncher;
  rasterThreads?: number;
  processLimit?: number;
  sandbox?: boolean;
  viewport?: { w: number; h: number };
}

interface Tab {
  id: number;
  url: string;
  site: string;
  title: string;
  state: TabState;
  crashReason?: TabInfo['crashReason'];
  error?: string;
  host: RenderProcessHost | null;
  console: ConsoleEntry[];
}

const CONSOLE_KEPT = 200;
const INPUT_KEPT_MS = 10_000;

export class Browser implements ControlApi {
  private readonly tabs = new Map<number, Tab>();
  private readonly renderers: ProcessModel<RenderProcessHost>;
  private readonly liveRenderers = new Set<RenderProcessHost>();
  readonly gpu: GpuService;
  private readonly plugins: PluginService;
  private readonly loader = new ResourceLoader(path.join(ASSETS_DIR, 'sites'));
  private readonly demos = loadDemoCatalog(path.join(ASSETS_DIR, 'sites'));
  private readonly events = new Emitter<BrowserEvent>();
  private readonly labs = new LabRunner();
  private readonly rasterThreads: number;
  private readonly sandbox: boolean;
  private readonly viewport: { w: number; h: number };
  private nextTabId = 1;
  private overlays: RenderingOverlays = { tileBorders: false, paintFlashing: false, fpsMeter: false };
  private nextInputId = 1;
  /** Inputs sent and not yet on screen: when each was received, for its latency. */
  private readonly pendingInputs = new Map<number, { tabId: number; at: number }>();
  private nextRequestId = 1;
  private readonly tileReports = new Map<number, (r: TileReport | null) => void>();
  private readonly hangTimer: NodeJS.Timeout;
  private stopping = false;

  constructor(private readonly options: BrowserOptions) {
    this.rasterThreads = options.rasterThreads ?? Math.min(4, os.availableParallelism?.() ?? os.cpus().length);
    this.renderers = new ProcessModel(options.processLimit ?? 8);
    this.sandbox = options.sandbox ?? true;
    this.viewport = options.viewport ?? DEFAULT_VIEWPORT;
    this.gpu = new GpuService(options.launcher, this.sandbox);
    this.plugins = new PluginService(options.launcher, this.sandbox, this.gpu);
    this.gpu.onHostLaunched((h) => this.watch(h));
    this.plugins.onLaunched((h) => this.watch(h));
    this.gpu.onDisplayChanged((display) => this.events.fire({ type: 'display-changed', display }));
    this.gpu.onInputPresented(({ inputIds }) => this.inputPresented(inputIds));
    this.gpu.onAddressChanged((address) => {
      if (address)
        for (const r of this.liveRenderers) r.send({ type: 'gpu-channel', gpu: { address, token: r.token } });
    });
    this.hangTimer = setInterval(() => {
      const now = Date.now();
      for (const r of this.liveRenderers) r.checkResponsive(now);
    }, 500);
    this.hangTimer.unref();
  }

  async start(): Promise<void> {
    await this.gpu.start();
  }

  async shutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.hangTimer);
    await Promise.all([...this.liveRenderers].map((r) => r.shutdown()));
    await this.plugins.stop();
    await this.gpu.stop();
  }

  readonly onEvent = (listener: (e: BrowserEvent) => void) => this.events.event(listener);

  listTabs(): TabInfo[] {
    return [...this.tabs.values()].map((t) => this.info(t));
  }

  listDemos(): DemoInfo[] {
    return this.demos;
  }

  display(): DisplayInfo {
    return this.gpu.display();
  }

  async openTab(input: string): Promise<TabInfo> {
    const url = this.parse(input);
    const tab: Tab = {
      id: this.nextTabId,
      url: url.href,
      site: siteForUrl(url),
      title: url.href,
      state: 'loading',
      host: null,
      console: [],
    };
    this.attach(tab); // throws before the tab exists if the process limit is reached
    this.nextTabId++;
    this.tabs.set(tab.id, tab);
    this.changed(tab);
    return this.info(tab);
  }

  async closeTab(id: number): Promise<void> {
    const tab = this.tab(id);
    this.detach(tab);
    this.tabs.delete(id);
    this.events.fire({ type: 'tab-closed', tabId: id });
  }

  async navigate(id: number, input: string): Promise<TabInfo> {
    const tab = this.tab(id);
    const url = this.parse(input);
    const site = siteForUrl(url);
    if (tab.host && tab.host.site === site) {
      tab.host.send({ type: 'close-tab', tabId: tab.id });
      this.plugins.destroyForTab(tab.id);
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
    this.changed(tab);
    return this.info(tab);
  }

  async reload(id: number): Promise<TabInfo> {
    const tab = this.tab(id);
    return this.navigate(id, tab.url);
  }

  async listProcesses(): Promise<ProcessInfo[]> {
    const hosts: { host: ProcessHostView; site?: string; tabs: number[]; title?: string }[] = [];
    if (this.gpu.host) hosts.push({ host: this.gpu.host, tabs: [] });
    for (const r of this.liveRenderers) {
      // As Chrome's Task Manager: a renderer is named after the tabs it draws.
      const titles = [...r.tabs].map((id) => this.tabs.get(id)?.title ?? `#${id}`);
      hosts.push({
        host: r,
        site: r.site,
        tabs: [...r.tabs],
        title: titles.length ? `Tab: ${titles.join(' | ')}` : undefined,
      });
    }
    for (const p of this.plugins.processes()) hosts.push({ host: p, tabs: this.plugins.tabsOf(p) });
    return describeProcesses(hosts, this.gpu.display().mode === 'browser');
  }

  runLab(lab: LabName, quick: boolean): Promise<LabReport> {
    return this.labs.run(lab, quick, (p) => this.events.fire({ type: 'lab-progress', ...p }));
  }

  async killProcess(pid: number): Promise<void> {
    if (pid === process.pid) throw errors.cannotKillBrowser();
    this.hostByPid(pid).kill('SIGKILL');
  }

  async crashThread(pid: number, threadId: string, how: 'exception' | 'segfault'): Promise<void> {
    const host = this.hostByPid(pid);
    if (!(host instanceof RenderProcessHost))
      throw errors.badRequest('Only renderer threads can be crashed on request.');
    if (!host.threads.some((t) => t.id === threadId && t.state === 'running')) throw errors.noSuchThread(pid, threadId);
    host.send({ type: 'crash-thread', threadId, how });
  }

  async sendInput(tabId: number, event: InputEvent): Promise<{ inputId: number }> {
    const tab = this.tab(tabId);
    const parsed = parseMessage(InputEvent, event);
    if (!parsed.ok) throw errors.badRequest(`not an input event: ${parsed.reason}`);
    if (!tab.host || tab.host.state === 'gone') throw errors.tabNotLive(tabId);
    const inputId = this.nextInputId++;
    const now = performance.now();
    for (const [id, p] of this.pendingInputs) if (now - p.at > INPUT_KEPT_MS) this.pendingInputs.delete(id);
    this.pendingInputs.set(inputId, { tabId, at: now });
    tab.host.send({ type: 'input', tabId, inputId, event: parsed.value });
    return { inputId };
  }

  consoleMessages(tabId: number): ConsoleEntry[] {
    return [...this.tab(tabId).console];
  }

  tileReport(tabId: number): Promise<TileReport> {
    const tab = this.tab(tabId);
    const host = tab.host;
    if (!host || host.state === 'gone') return Promise.reject(errors.tabNotLive(tabId));
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.tileReports.delete(requestId);
        reject(errors.rendererTimeout('the tile report'));
      }, 2000);
      this.tileReports.set(requestId, (report) => {
        clearTimeout(timer);
        if (report) resolve(report);
        else reject(errors.tabNotLive(tabId));
      });
      host.send({ type: 'tile-report-request', requestId, tabId });
    });
  }

  renderingOverlays(): RenderingOverlays {
    return { ...this.overlays };
  }

  async setRenderingOverlays(overlays: RenderingOverlays): Promise<RenderingOverlays> {
    this.overlays = {
      tileBorders: !!overlays.tileBorders,
      paintFlashing: !!overlays.paintFlashing,
      fpsMeter: !!overlays.fpsMeter,
    };
    for (const r of this.liveRenderers) r.send({ type: 'overlays', overlays: this.overlays });
    this.events.fire({ type: 'overlays-changed', overlays: this.renderingOverlays() });
    return this.renderingOverlays();
  }

  private inputPresented(inputIds: number[]): void {
    const now = performance.now();
    for (const inputId of inputIds) {
      const p = this.pendingInputs.get(inputId);
      if (!p) continue;
      this.pendingInputs.delete(inputId);
      this.events.fire({ type: 'input-presented', tabId: p.tabId, inputId, latencyMs: now - p.at });
    }
  }

  // ---------------------------------------------------------------------------------------------

  private parse(input: unknown): URL {
    if (typeof input !== 'string') throw errors.badUrl('The address must be a string.');
    const parsed = parseUserUrl(input);
    if (!parsed.ok) throw errors.badUrl(parsed.reason);
    return parsed.url;
  }

  private tab(id: number): Tab {
    const tab = this.tabs.get(id);
    if (!tab) throw errors.noSuchTab(id);
    return tab;
  }

  private hostByPid(pid: number): ProcessHostView {
    const all = [this.gpu.host, ...this.liveRenderers, ...this.plugins.processes()];
    const host = all.find((h) => h && h.pid === pid && h.state !== 'gone');
    if (!host) throw errors.noSuchProcess(pid);
    return host;
  }

  /** Puts the tab in its site's renderer, launching one if needed. */
  private attach(tab: Tab): void {
    const placement = this.renderers.place(tab.site);
    if (placement.kind === 'limit') throw errors.processLimit(placement.limit, tab.site);
    const host = placement.kind === 'reuse' ? placement.host : this.launchRenderer(tab.site);
    tab.host = host;
    Object.assign(tab, { state: 'loading', crashReason: undefined, error: undefined });
    host.tabs.add(tab.id);
    this.gpu.grant(host);
    host.send({ type: 'open-tab', tabId: tab.id, url: tab.url, viewport: this.viewport });
  }

  private detach(tab: Tab): void {
    const host = tab.host;
    this.plugins.destroyForTab(tab.id);
    this.gpu.dropSurface(`tab:${tab.id}`);
    tab.host = null;
    if (!host || host.state === 'gone') return;
    host.tabs.delete(tab.id);
    host.send({ type: 'close-tab', tabId: tab.id });
    this.gpu.grant(host);
    if (host.tabs.size === 0) {
      // A renderer with no tabs left has nothing to do: end it cleanly, as Chromium does.
      this.renderers.remove(host);
      void host.shutdown();
    }
  }

  private launchRenderer(site: string): RenderProcessHost {
    const host = new RenderProcessHost(site, this.options.launcher, this.sandbox);
    this.renderers.add(site, host);
    this.liveRenderers.add(host);
    this.watch(host);
    host.onMessage((m) => this.fromRenderer(host, m));
    host.onReady(() => this.gpu.grant(host));
    host.onResponsivenessChanged(() => {
      for (const tab of this.tabs.values()) if (tab.host === host) this.changed(tab);
    });
    host.onGone((gone) => {
      this.renderers.remove(host);
      this.liveRenderers.delete(host);
      this.gpu.revoke(host.token);
      for (const tab of this.tabs.values()) {
        if (tab.host !== host) continue;
        this.plugins.destroyForTab(tab.id);
        this.gpu.dropSurface(`tab:${tab.id}`);
        Object.assign(tab, { host: null, state: 'crashed', crashReason: gone.reason });
        this.changed(tab);
      }
    });
    host.start();
    const address = this.gpu.frameSinkAddress;
    host.send({
      type: 'init',
      site,
      rasterThreads: this.rasterThreads,
      gpu: address ? { address, token: host.token } : null,
      overlays: this.overlays,
    });
    return host;
  }

  private fromRenderer(host: RenderProcessHost, m: Parameters<Parameters<RenderProcessHost['onMessage']>[0]>[0]): void {
    if (m.type === 'ready' || m.type === 'stats' || m.type === 'log') return;
    if (m.type === 'tile-report') {
      const answer = this.tileReports.get(m.requestId);
      this.tileReports.delete(m.requestId);
      // A report about a tab this renderer does not draw is not believed.
      return answer?.(m.report && host.tabs.has(m.report.tabId) ? m.report : null);
    }
    const tab = this.tabs.get(m.tabId);
    // Messages about a tab that was just closed or moved to another site's renderer are stale, not hostile.
    if (!tab || tab.host !== host) return;
    switch (m.type) {
      case 'resource-request':
        return void this.serveResource(host, tab, m.requestId, m.url, m.destination);
      case 'tab-loaded':
        Object.assign(tab, { title: m.title, state: 'live' });
        return this.changed(tab);
      case 'plugin-request':
        return this.plugins.create(host, tab.id, m.instanceId, m.mimeType, m.size);
      case 'console': {
        const entry: ConsoleEntry = { level: m.level, message: m.message, at: Date.now() };
        tab.console.push(entry);
        if (tab.console.length > CONSOLE_KEPT) tab.console.shift();
        return this.events.fire({ type: 'console', tabId: tab.id, entry });
      }
    }
  }

  private async serveResource(
    host: RenderProcessHost,
    tab: Tab,
    requestId: number,
    raw: string,
    destination: 'document' | 'script',
  ): Promise<void> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return host.reject(`asked for "${raw.slice(0, 100)}", which is not a URL`);
    }
    // Site lock: a renderer may ask only for its own site's resources.
    if (!isAllowedForSite(host.site, url))
      return host.reject(`asked for ${url.href}, but it is locked to ${host.site}`);
    const result = await this.loader.load(url);
    if (!result.ok && destination === 'document' && tab.host === host) {
      tab.error = result.error;
      this.changed(tab);
    }
    host.send({ type: 'resource-response', requestId, result });
  }

  private watch(host: ProcessHostView): void {
    host.onReady((pid) => this.events.fire({ type: 'process-launched', pid, role: host.role, title: host.title }));
    host.onBadMessage((reason) =>
      this.events.fire({ type: 'bad-message', pid: host.pid ?? 0, role: host.role, reason }),
    );
    host.onGone((g) => {
      if (!this.stopping) host.log(`gone: ${g.reason}${g.signal ? ` (${g.signal})` : ` (exit code ${g.exitCode})`}`);
      this.events.fire({
        type: 'process-gone',
        pid: host.pid ?? 0,
        role: host.role,
        title: host.title,
        reason: g.reason,
        exitCode: g.exitCode,
      });
    });
  }

  private changed(tab: Tab): void {
    this.events.fire({ type: 'tab-updated', tab: this.info(tab) });
  }

  private info(t: Tab): TabInfo {
    const surfaceId = `tab:${t.id}`;
    return {
      id: t.id,
      url: t.url,
      title: t.title,
      site: t.site,
      pid: t.host?.pid ?? null,
      state: t.state,
      ...(t.crashReason ? { crashReason: t.crashReason } : {}),
      ...(t.error ? { error: t.error } : {}),
      framesPresented: this.gpu.framesPresented(surfaceId),
      surfaceId,
      ...(t.host?.unresponsive ? { unresponsive: true as const } : {}),
    };
  }
}

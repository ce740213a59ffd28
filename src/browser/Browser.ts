/**
 * The browser kernel: one per browser process, host-agnostic. The Electron shell, the web shell,
 * the CLI and the tests all drive it through the ControlApi it implements. It is a façade: it
 * creates the parts below, wires them together, and hands each API call to the part that owns it.
 *
 * - TabStrip, NavigationController: the tabs, and which site's renderer draws each one;
 * - RendererRegistry: the renderer processes (process-per-site, launch, who draws which tab);
 * - RendererMessageDispatcher: what renderers say, routed to ResourceServer (site-locked
 *   loading), PluginService, ConsoleStore, TileReportRequests;
 * - GpuService, PluginService: the GPU process (or in-process compositor) and plugin processes;
 * - NetworkService: the network service process, which fetches http(s) for ResourceServer;
 * - FrameSinkGrants: what the display compositor lets each process draw, derived from the above;
 * - InputRouter, OverlaySettings, HangClock, RendererMemoryBudget, TaskManager, LabRunner,
 *   ChildProcessObserver, ClaimsTour (CLAIMS.md's verdicts, from labs and demonstrations).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import type {
  BrowserEvent,
  ClaimInfo,
  ConsoleEntry,
  ControlApi,
  DebugUrlInfo,
  DemoInfo,
  DisplayInfo,
  PolicyInfo,
  ProcessInfo,
  ProcessInternals,
  TabInfo,
} from '../common/controlApi';
import type { ArchitectureGraph } from '../common/architecture';
import type { FrameMetrics, InputEvent, RenderingOverlays, TileReport } from '../common/protocol';
import type { LabName, LabReport } from '../common/labReports';
import { DEBUG_URLS } from '../common/debugUrls';
import { Emitter } from '../common/Emitter';
import { errors } from '../common/errors';
import { DEFAULT_VIEWPORT } from '../common/tiles';
import type { ChildLauncher } from '../platform/ChildProcess';
import { ASSETS_DIR } from '../platform/paths';
import { ArchitectureMonitor } from './ArchitectureMonitor';
import { ChildProcessObserver } from './ChildProcessObserver';
import { ClaimsTour } from './ClaimsTour';
import { ConsoleStore } from './ConsoleStore';
import { loadDemoCatalog } from './DemoCatalog';
import { FrameSinkGrants } from './FrameSinkGrants';
import { GpuService } from './GpuService';
import { HangClock } from './HangClock';
import { InputRouter } from './InputRouter';
import { LabRunner } from './LabRunner';
import { NavigationController } from './NavigationController';
import { NetworkService } from './NetworkService';
import { OverlaySettings } from './OverlaySettings';
import { PluginService } from './PluginService';
import { policyFigures } from './PolicyFigures';
import { RendererMessageDispatcher } from './RendererMessageDispatcher';
import { RENDERER_MEMORY_BUDGET_MB, RendererMemoryBudget } from './RendererMemoryBudget';
import { RendererRegistry } from './RendererRegistry';
import { machineFacts, rendererLimits } from './RendererProcessLimit';
import { describeProcessModel } from './ProcessInternals';
import { HUNG_RENDERER_DELAY_MS } from './RenderProcessHost';
import { ResourceServer } from './ResourceServer';
import { TabStrip } from './TabStrip';
import { TaskManager } from './TaskManager';
import { TileReportRequests } from './TileReportRequests';
import { TraceController } from './TraceController';
import type { ChromeTrace, TraceStartResult } from '../common/traceFile';

export interface BrowserOptions {
  launcher: ChildLauncher;
  rasterThreads?: number;
  processLimit?: number;
  sandbox?: boolean;
  viewport?: { w: number; h: number };
  /** How long a page's main thread may be stuck before its tab is unresponsive (Chromium's 15 s by default). */
  hangTimeoutMs?: number;
  /** Resident memory a renderer may use before it is ended as out of memory. */
  rendererMemoryBudgetMb?: number;
  /** Keep a warm spare renderer for the next new site (default true; false measures cold starts). */
  spareRenderer?: boolean;
}

/** After this long without a tab change, a tab still waiting for its first frame (an occluded one) no longer holds the spare back. */
const SPARE_SETTLE_MS = 1000;

export class Browser implements ControlApi {
  readonly gpu: GpuService;
  readonly network: NetworkService;
  private readonly events = new Emitter<BrowserEvent>();
  private readonly demos = loadDemoCatalog(path.join(ASSETS_DIR, 'sites'));
  private readonly observer = new ChildProcessObserver(this.events);
  private readonly overlays = new OverlaySettings();
  private readonly console = new ConsoleStore(this.events);
  private readonly inputs = new InputRouter(this.events);
  private readonly tileReports = new TileReportRequests();
  private readonly labs = new LabRunner();
  private readonly claims = new ClaimsTour(this);
  private readonly plugins: PluginService;
  private readonly renderers: RendererRegistry;
  private readonly tabs: TabStrip;
  private readonly navigation: NavigationController;
  private readonly tasks: TaskManager;
  private readonly hangClock: HangClock;
  private readonly memoryBudget: RendererMemoryBudget;
  private readonly hangTimeoutMs: number;
  private readonly architectureMonitor: ArchitectureMonitor;
  private readonly limits = rendererLimits(machineFacts());
  private lastTabChange = 0;
  private readonly traces: TraceController;

  constructor(options: BrowserOptions) {
    const sandbox = options.sandbox ?? true;
    const memoryBudgetMb = options.rendererMemoryBudgetMb ?? RENDERER_MEMORY_BUDGET_MB;
    this.hangTimeoutMs = options.hangTimeoutMs ?? HUNG_RENDERER_DELAY_MS;
    this.gpu = new GpuService(options.launcher, sandbox);
    this.network = new NetworkService(options.launcher, sandbox);
    this.plugins = new PluginService(options.launcher, sandbox, this.gpu);
    this.renderers = new RendererRegistry(
      {
        launcher: options.launcher,
        sandbox,
        // Chromium's NumberOfRendererRasterThreads: half the cores, 1 to 4. Each is an isolate of its own (~7 MB).
        rasterThreads:
          options.rasterThreads ??
          Math.min(4, Math.max(1, Math.floor((os.availableParallelism?.() ?? os.cpus().length) / 2))),
        processLimit: options.processLimit ?? this.limits.minium,
        hangTimeoutMs: this.hangTimeoutMs,
        memoryBudgetMb,
        overlays: () => this.overlays.get(),
        spare: options.spareRenderer ?? true,
        idle: () => this.idle(),
      },
      this.gpu,
    );
    this.tabs = new TabStrip(this.events, (surfaceId) => this.gpu.framesPresented(surfaceId));
    this.navigation = new NavigationController(
      {
        tabs: this.tabs,
        renderers: this.renderers,
        plugins: this.plugins,
        gpu: this.gpu,
        console: this.console,
        events: this.events,
      },
      options.viewport ?? DEFAULT_VIEWPORT,
    );
    this.tasks = new TaskManager(this.gpu, this.renderers, this.plugins, this.tabs, this.network);
    this.architectureMonitor = new ArchitectureMonitor({
      gpu: this.gpu,
      renderers: this.renderers,
      plugins: this.plugins,
      tabs: this.tabs,
      tasks: this.tasks,
      network: this.network,
    });
    // Kept alive by its subscriptions to the renderers and plugins, as long as they live.
    new FrameSinkGrants(this.gpu, this.renderers, this.plugins);
    const dispatcher = new RendererMessageDispatcher({
      tabs: this.tabs,
      resources: new ResourceServer(path.join(ASSETS_DIR, 'sites'), this.tabs, this.network),
      plugins: this.plugins,
      console: this.console,
      tileReports: this.tileReports,
    });

    this.gpu.onHostLaunched((h) => this.observer.observe(h));
    this.network.onHostLaunched((h) => this.observer.observe(h));
    this.plugins.onLaunched((h) => this.observer.observe(h));
    this.renderers.onLaunched((h) => this.observer.observe(h));
    this.renderers.onMessage(({ host, message }) => dispatcher.dispatch(host, message));
    // When a renderer dies: the observer reports it; the registry forgets it,
    // freeing its site's slot, and FrameSinkGrants revokes it and drops its tabs' surfaces; then
    // its tabs turn crashed and their plugin instances end.
    this.renderers.onGone(({ host, gone }) => this.navigation.lostRenderer(host, gone));
    this.renderers.onResponsivenessChanged((host) => this.tabs.drawnBy(host).forEach((t) => this.tabs.changed(t)));
    this.overlays.onChanged((o) => this.renderers.broadcastOverlays(o));
    this.gpu.onDisplayChanged((display) => this.events.fire({ type: 'display-changed', display }));
    this.gpu.onInputPresented(({ inputIds }) => this.inputs.presented(inputIds));
    // The GPU process is watched too: its host's watchdog ends it when it stops answering. A silent
    // network service is shown not responding; its loads fail at NetworkService's own deadline.
    this.hangClock = new HangClock(() => [
      ...this.renderers.all(),
      ...(this.gpu.host ? [this.gpu.host] : []),
      ...(this.network.host ? [this.network.host] : []),
    ]);
    this.memoryBudget = new RendererMemoryBudget(() => this.renderers.all(), memoryBudgetMb);
    this.events.event((e) => {
      if (e.type === 'tab-updated' || e.type === 'tab-closed') this.lastTabChange = Date.now();
    });
    this.traces = new TraceController(() => [
      ...this.renderers.all(),
      ...(this.gpu.host ? [this.gpu.host] : []),
      ...this.plugins.processes(),
    ]);
    this.renderers.onLaunched((h) => this.traces.launched(h));
    this.plugins.onLaunched((h) => this.traces.launched(h));
    this.gpu.onHostLaunched((h) => this.traces.launched(h));
  }

  async start(): Promise<void> {
    await this.gpu.start();
    this.renderers.start();
  }

  /** No tab loading, and every live tab has drawn (or the tabs have been quiet a while): a moment to warm a spare. */
  private idle(): boolean {
    const tabs = this.listTabs();
    if (tabs.some((t) => t.state === 'loading')) return false;
    const drawn = tabs.every((t) => t.state !== 'live' || t.framesPresented > 0);
    return drawn || Date.now() - this.lastTabChange >= SPARE_SETTLE_MS;
  }

  async shutdown(): Promise<void> {
    this.observer.stop();
    this.hangClock.stop();
    this.memoryBudget.stop();
    await this.renderers.shutdown();
    await this.plugins.stop();
    await this.network.stop();
    await this.gpu.stop();
  }

  readonly onEvent = (listener: (e: BrowserEvent) => void) => this.events.event(listener);

  listTabs(): TabInfo[] {
    return this.tabs.all().map((t) => this.tabs.info(t));
  }

  listDemos(): DemoInfo[] {
    return this.demos;
  }

  listDebugUrls(): DebugUrlInfo[] {
    return DEBUG_URLS;
  }

  display(): DisplayInfo {
    return this.gpu.display();
  }

  policies(): PolicyInfo {
    return { gpu: this.gpu.crashPolicy(), figures: policyFigures(this.hangTimeoutMs) };
  }

  async openTab(input: string): Promise<TabInfo> {
    return this.navigation.open(input);
  }

  async closeTab(id: number): Promise<void> {
    this.navigation.close(id);
  }

  async navigate(id: number, input: string): Promise<TabInfo> {
    return this.navigation.navigate(id, input);
  }

  async reload(id: number): Promise<TabInfo> {
    return this.navigation.navigate(id, this.tabs.get(id).url);
  }

  async activateTab(id: number): Promise<TabInfo> {
    return this.navigation.activate(id);
  }

  async freezeTab(id: number): Promise<TabInfo> {
    return this.navigation.freeze(id);
  }

  async discardTab(id: number): Promise<TabInfo> {
    return this.navigation.discard(id);
  }

  listProcesses(): Promise<ProcessInfo[]> {
    return this.tasks.listProcesses();
  }

  async processInternals(): Promise<ProcessInternals> {
    return describeProcessModel(this.renderers, this.tabs, this.limits);
  }

  architecture(): Promise<ArchitectureGraph> {
    return this.architectureMonitor.graph();
  }

  async runLab(lab: LabName, quick: boolean): Promise<LabReport> {
    const report = await this.labs.run(lab, quick, (p) => this.events.fire({ type: 'lab-progress', ...p }));
    this.claims.labRan(report);
    return report;
  }

  async killProcess(pid: number): Promise<void> {
    this.tasks.killProcess(pid);
  }

  async signalProcess(pid: number, signal: 'stop' | 'continue'): Promise<void> {
    this.tasks.signalProcess(pid, signal);
  }

  async showCaption(text: string, seconds: number): Promise<void> {
    this.events.fire({ type: 'caption', text, seconds });
  }

  listClaims(): ClaimInfo[] {
    return this.claims.list();
  }

  showClaim(id: string): Promise<ClaimInfo> {
    return this.claims.show(id);
  }

  async crashThread(pid: number, threadId: string, how: 'exception' | 'segfault' | 'oom'): Promise<void> {
    this.tasks.crashThread(pid, threadId, how);
  }

  async sendInput(tabId: number, event: InputEvent): Promise<{ inputId: number }> {
    return this.inputs.send(this.tabs.get(tabId), event);
  }

  consoleMessages(tabId: number): ConsoleEntry[] {
    this.tabs.get(tabId); // an unknown tab is an error, not an empty console
    return this.console.messages(tabId);
  }

  tileReport(tabId: number): Promise<TileReport> {
    const tab = this.tabs.get(tabId);
    const host = tab.host;
    if (!host || host.state === 'gone') return Promise.reject(errors.tabNotLive(tabId));
    return this.tileReports.request(host, tabId);
  }

  async frameMetrics(tabId: number): Promise<FrameMetrics> {
    return (await this.tileReport(tabId)).frameMetrics;
  }

  async startTrace(): Promise<TraceStartResult> {
    return this.traces.start();
  }

  stopTrace(): Promise<ChromeTrace> {
    return this.traces.stop();
  }

  renderingOverlays(): RenderingOverlays {
    return this.overlays.get();
  }

  async setRenderingOverlays(overlays: RenderingOverlays): Promise<RenderingOverlays> {
    const set = this.overlays.set(overlays);
    this.events.fire({ type: 'overlays-changed', overlays: this.overlays.get() });
    return set;
  }
}

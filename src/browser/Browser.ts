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
 * - FrameSinkGrants: what the display compositor lets each process draw, derived from the above;
 * - InputRouter, OverlaySettings, HangClock, RendererMemoryBudget, TaskManager, LabRunner,
 *   ChildProcessObserver.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import type {
  BrowserEvent,
  ConsoleEntry,
  ControlApi,
  DebugUrlInfo,
  DemoInfo,
  DisplayInfo,
  ProcessInfo,
  TabInfo,
} from '../common/controlApi';
import type { FrameMetrics, InputEvent, RenderingOverlays, TileReport } from '../common/protocol';
import type { LabName, LabReport } from '../common/labReports';
import { DEBUG_URLS } from '../common/debugUrls';
import { Emitter } from '../common/Emitter';
import { errors } from '../common/errors';
import { DEFAULT_VIEWPORT } from '../common/tiles';
import type { ChildLauncher } from '../platform/ChildProcess';
import { ASSETS_DIR } from '../platform/paths';
import { ChildProcessObserver } from './ChildProcessObserver';
import { ConsoleStore } from './ConsoleStore';
import { loadDemoCatalog } from './DemoCatalog';
import { FrameSinkGrants } from './FrameSinkGrants';
import { GpuService } from './GpuService';
import { HangClock } from './HangClock';
import { InputRouter } from './InputRouter';
import { LabRunner } from './LabRunner';
import { NavigationController } from './NavigationController';
import { OverlaySettings } from './OverlaySettings';
import { PluginService } from './PluginService';
import { RendererMessageDispatcher } from './RendererMessageDispatcher';
import { RENDERER_MEMORY_BUDGET_MB, RendererMemoryBudget } from './RendererMemoryBudget';
import { RendererRegistry } from './RendererRegistry';
import { HUNG_RENDERER_DELAY_MS } from './RenderProcessHost';
import { ResourceServer } from './ResourceServer';
import { TabStrip } from './TabStrip';
import { TaskManager } from './TaskManager';
import { TileReportRequests } from './TileReportRequests';
import { TraceController } from './TraceController';
import type { ChromeTrace } from '../common/traceFile';

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
}

export class Browser implements ControlApi {
  readonly gpu: GpuService;
  private readonly events = new Emitter<BrowserEvent>();
  private readonly demos = loadDemoCatalog(path.join(ASSETS_DIR, 'sites'));
  private readonly observer = new ChildProcessObserver(this.events);
  private readonly overlays = new OverlaySettings();
  private readonly console = new ConsoleStore(this.events);
  private readonly inputs = new InputRouter(this.events);
  private readonly tileReports = new TileReportRequests();
  private readonly labs = new LabRunner();
  private readonly plugins: PluginService;
  private readonly renderers: RendererRegistry;
  private readonly tabs: TabStrip;
  private readonly navigation: NavigationController;
  private readonly tasks: TaskManager;
  private readonly hangClock: HangClock;
  private readonly memoryBudget: RendererMemoryBudget;
  private readonly traces: TraceController;

  constructor(options: BrowserOptions) {
    const sandbox = options.sandbox ?? true;
    const memoryBudgetMb = options.rendererMemoryBudgetMb ?? RENDERER_MEMORY_BUDGET_MB;
    this.gpu = new GpuService(options.launcher, sandbox);
    this.plugins = new PluginService(options.launcher, sandbox, this.gpu);
    this.renderers = new RendererRegistry(
      {
        launcher: options.launcher,
        sandbox,
        rasterThreads: options.rasterThreads ?? Math.min(4, os.availableParallelism?.() ?? os.cpus().length),
        processLimit: options.processLimit ?? 8,
        hangTimeoutMs: options.hangTimeoutMs ?? HUNG_RENDERER_DELAY_MS,
        memoryBudgetMb,
        overlays: () => this.overlays.get(),
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
    this.tasks = new TaskManager(this.gpu, this.renderers, this.plugins, this.tabs);
    // Kept alive by its subscriptions to the renderers and plugins, as long as they live.
    new FrameSinkGrants(this.gpu, this.renderers, this.plugins);
    const dispatcher = new RendererMessageDispatcher({
      tabs: this.tabs,
      resources: new ResourceServer(path.join(ASSETS_DIR, 'sites'), this.tabs),
      plugins: this.plugins,
      console: this.console,
      tileReports: this.tileReports,
    });

    this.gpu.onHostLaunched((h) => this.observer.observe(h));
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
    // The GPU process is watched too: its host's watchdog ends it when it stops answering.
    this.hangClock = new HangClock(() => [...this.renderers.all(), ...(this.gpu.host ? [this.gpu.host] : [])]);
    this.memoryBudget = new RendererMemoryBudget(() => this.renderers.all(), memoryBudgetMb);
    this.traces = new TraceController(() => [...this.renderers.all(), ...(this.gpu.host ? [this.gpu.host] : [])]);
    this.renderers.onLaunched((h) => this.traces.launched(h));
    this.gpu.onHostLaunched((h) => this.traces.launched(h));
  }

  async start(): Promise<void> {
    await this.gpu.start();
  }

  async shutdown(): Promise<void> {
    this.observer.stop();
    this.hangClock.stop();
    this.memoryBudget.stop();
    await this.renderers.shutdown();
    await this.plugins.stop();
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

  listProcesses(): Promise<ProcessInfo[]> {
    return this.tasks.listProcesses();
  }

  runLab(lab: LabName, quick: boolean): Promise<LabReport> {
    return this.labs.run(lab, quick, (p) => this.events.fire({ type: 'lab-progress', ...p }));
  }

  async killProcess(pid: number): Promise<void> {
    this.tasks.killProcess(pid);
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

  async startTrace(): Promise<{ startedAt: number }> {
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

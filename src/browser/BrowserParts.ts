/**
 * The browser process's parts, as Chromium's BrowserMainLoop holds them: one BrowserParts per
 * Browser creates every part once, wires their events together, starts them and shuts them down
 * in order. It answers no API call: `Browser`, the façade, hands each call to the part that owns
 * it. The parts:
 *
 * - TabStrip, NavigationController: the tabs, and which site's renderer draws each one;
 * - RendererRegistry: the renderer processes (process-per-site, launch, who draws which tab);
 * - RendererMessageDispatcher: what renderers say, routed to ResourceServer (site-locked
 *   loading), PluginService, ConsoleStore, TileReportRequests;
 * - GpuService, PluginService: the GPU process (or in-process compositor) and plugin processes;
 * - NetworkService: the network service process, which fetches http(s) for ResourceServer;
 * - FrameSinkGrants: what the display compositor lets each process draw, derived from the above;
 * - InputRouter, OverlaySettings, HangClock, TaskManager, LabRunner,
 *   TraceController, ArchitectureMonitor, ChildProcessObserver.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserEvent } from '../common/controlApi';
import { Emitter } from '../common/Emitter';
import { DEFAULT_VIEWPORT } from '../common/tiles';
import type { ChildLauncher } from '../platform/ChildProcess';
import { ASSETS_DIR } from '../platform/paths';
import { ArchitectureMonitor } from './ArchitectureMonitor';
import { ChildProcessObserver } from './ChildProcessObserver';
import { ConsoleStore } from './ConsoleStore';
import { FrameSinkGrants } from './FrameSinkGrants';
import { GpuService } from './GpuService';
import { HangClock } from './HangClock';
import { InputRouter } from './InputRouter';
import { LabRunner } from './LabRunner';
import { NavigationController } from './NavigationController';
import { NetworkService } from './NetworkService';
import { OverlaySettings } from './OverlaySettings';
import { PluginService } from './PluginService';
import { RendererMessageDispatcher } from './RendererMessageDispatcher';
import { RENDERER_MEMORY_BUDGET_MB } from './RendererMemoryBudget';
import { machineFacts, rendererLimits } from './RendererProcessLimit';
import { RendererRegistry } from './RendererRegistry';
import { HUNG_RENDERER_DELAY_MS } from './RenderProcessHost';
import { ResourceServer } from './ResourceServer';
import { TabStrip, tabSurfaceId } from './TabStrip';
import { TaskManager } from './TaskManager';
import { TileReportRequests } from './TileReportRequests';
import { TraceController } from './TraceController';

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

/**
 * After this long without a tab change, a tab still waiting for its first frame (an occluded
 * one) no longer holds the spare back.
 */
const SPARE_SETTLE_MS = 1000;

export class BrowserParts {
  readonly events = new Emitter<BrowserEvent>();
  readonly overlays = new OverlaySettings();
  readonly console = new ConsoleStore(this.events);
  readonly inputs = new InputRouter(this.events);
  readonly tileReports = new TileReportRequests();
  readonly labs = new LabRunner();
  readonly limits = rendererLimits(machineFacts());
  readonly hangTimeoutMs: number;
  readonly gpu: GpuService;
  readonly network: NetworkService;
  readonly plugins: PluginService;
  readonly renderers: RendererRegistry;
  readonly tabs: TabStrip;
  readonly navigation: NavigationController;
  readonly tasks: TaskManager;
  readonly architecture: ArchitectureMonitor;
  readonly traces: TraceController;
  private readonly observer = new ChildProcessObserver(this.events);
  private readonly hangClock: HangClock;
  private lastTabChange = 0;

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
    this.architecture = new ArchitectureMonitor({
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

  async shutdown(): Promise<void> {
    this.observer.stop();
    this.hangClock.stop();
    await this.renderers.shutdown();
    await this.plugins.stop();
    await this.network.stop();
    await this.gpu.stop();
  }

  /** No tab loading, and every live tab has drawn (or the tabs have been quiet a while): a moment to warm a spare. */
  private idle(): boolean {
    // Asked every 100 ms while a spare is wanted: reads the two fields it needs, not whole TabInfos.
    const tabs = this.tabs.all();
    if (tabs.some((t) => t.state === 'loading')) return false;
    const drawn = tabs.every((t) => t.state !== 'live' || this.gpu.framesPresented(tabSurfaceId(t.id)) > 0);
    return drawn || Date.now() - this.lastTabChange >= SPARE_SETTLE_MS;
  }
}

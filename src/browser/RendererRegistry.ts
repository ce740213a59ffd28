/**
 * The renderer processes: one RendererRegistry per Browser, owning every RenderProcessHost from
 * launch until it is gone. It places a site's tabs by process-per-site (ProcessModel, which also
 * refuses a new site at the process limit), gives a new site the warm spare (SpareRenderer) or
 * launches a renderer with its init message, keeps
 * which tabs each one draws, and tells live renderers what they must all know (a new frame sink
 * channel, new overlays). Every change to who draws what fires `onDrawingChanged`.
 */
import type { RendererToBrowser, RenderingOverlays } from '../common/protocol';
import { Emitter } from '../common/Emitter';
import { errors } from '../common/errors';
import type { ChildLauncher } from '../platform/ChildProcess';
import type { Gone } from './ChildProcessHost';
import type { GpuService } from './GpuService';
import { ProcessModel } from './ProcessModel';
import { RenderProcessHost } from './RenderProcessHost';
import { SpareRenderer } from './SpareRenderer';

export interface RendererOptions {
  launcher: ChildLauncher;
  sandbox: boolean;
  rasterThreads: number;
  processLimit: number;
  /** How long a renderer's main thread may leave a ping unanswered before its tabs are unresponsive. */
  hangTimeoutMs: number;
  /** Resident memory a renderer may use (RendererMemoryBudget); its RLIMIT_DATA is set above it. */
  memoryBudgetMb: number;
  /** The overlays a renderer starts with. */
  overlays: () => RenderingOverlays;
  /** Keep a warm spare renderer for the next new site (Chromium's spare RenderProcessHost). */
  spare: boolean;
  /** Nothing is loading or starting: a moment to warm a spare in. */
  idle: () => boolean;
}

export class RendererRegistry {
  private readonly model: ProcessModel<RenderProcessHost>;
  readonly spare: SpareRenderer;
  /** Launched and not yet gone, including those shutting down after their last tab left. */
  private readonly live = new Set<RenderProcessHost>();

  private readonly launchedEmitter = new Emitter<RenderProcessHost>();
  private readonly messageEmitter = new Emitter<{ host: RenderProcessHost; message: RendererToBrowser }>();
  private readonly goneEmitter = new Emitter<{ host: RenderProcessHost; gone: Gone }>();
  private readonly responsivenessEmitter = new Emitter<RenderProcessHost>();
  private readonly drawingEmitter = new Emitter<void>();
  readonly onLaunched = this.launchedEmitter.event;
  readonly onMessage = this.messageEmitter.event;
  /** Fired after the registry has forgotten the renderer. */
  readonly onGone = this.goneEmitter.event;
  readonly onResponsivenessChanged = this.responsivenessEmitter.event;
  /** A renderer became ready or gone, or gained or lost a tab. */
  readonly onDrawingChanged = this.drawingEmitter.event;

  constructor(
    private readonly options: RendererOptions,
    private readonly gpu: GpuService,
  ) {
    this.model = new ProcessModel(options.processLimit);
    this.spare = new SpareRenderer(options.spare, {
      launch: () => this.launch(null),
      lockedCount: () => this.model.count,
      limit: options.processLimit,
      idle: () => options.idle() && ![...this.live].some((r) => r.warmth !== 'warm'),
    });
    gpu.onAddressChanged((address) => {
      if (address) for (const r of this.live) r.send({ type: 'gpu-channel', gpu: { address, token: r.token } });
    });
  }

  all(): RenderProcessHost[] {
    return [...this.live];
  }

  get processLimit(): number {
    return this.model.limit;
  }

  /** Starts keeping a spare, once the GPU process is there to give it a frame sink channel. */
  start(): void {
    this.spare.start();
  }

  /**
   * The renderer that draws the site's tabs: the site's own, else the spare (locked to the site
   * now), else a new one; throws at the process limit.
   */
  rendererFor(site: string): RenderProcessHost {
    const placement = this.model.place(site);
    if (placement.kind === 'limit') throw errors.processLimit(placement.limit, site);
    if (placement.kind === 'reuse') return placement.host;
    const spare = this.spare.take();
    if (!spare) return this.launch(site);
    spare.lockToSite(site);
    this.model.add(site, spare);
    return spare;
  }

  addTab(host: RenderProcessHost, tabId: number): void {
    if (host.state === 'gone') throw new Error(`Tab ${tabId} cannot go to renderer ${host.pid}: it is gone`);
    host.tabs.add(tabId);
    this.drawingEmitter.fire();
  }

  /** The tab left the renderer; a renderer with no tabs left has nothing to do and ends cleanly, as in Chromium. */
  removeTab(host: RenderProcessHost, tabId: number): void {
    if (host.state === 'gone' || !host.tabs.delete(tabId)) return;
    host.send({ type: 'close-tab', tabId });
    this.drawingEmitter.fire();
    if (host.tabs.size === 0) {
      this.model.remove(host);
      void host.shutdown();
    }
  }

  broadcastOverlays(overlays: RenderingOverlays): void {
    for (const r of this.live) r.send({ type: 'overlays', overlays });
  }

  async shutdown(): Promise<void> {
    this.spare.stop();
    await Promise.all([...this.live].map((r) => r.shutdown()));
  }

  /** Launches a renderer for the site, or a spare locked to none (null). */
  private launch(site: string | null): RenderProcessHost {
    const host = new RenderProcessHost(site, this.options.launcher, this.options.sandbox, this.options);
    if (site) this.model.add(site, host);
    this.live.add(host);
    this.launchedEmitter.fire(host);
    host.onMessage((message) => this.messageEmitter.fire({ host, message }));
    host.onReady(() => this.drawingEmitter.fire());
    host.onResponsivenessChanged(() => this.responsivenessEmitter.fire(host));
    host.onGone((gone) => {
      this.model.remove(host);
      this.live.delete(host);
      this.drawingEmitter.fire();
      this.goneEmitter.fire({ host, gone });
    });
    host.start();
    const address = this.gpu.frameSinkAddress;
    host.send({
      type: 'init',
      site,
      rasterThreads: this.options.rasterThreads,
      gpu: address ? { address, token: host.token } : null,
      overlays: this.options.overlays(),
    });
    return host;
  }
}

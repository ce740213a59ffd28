/**
 * Plugin processes: one per plugin type, launched when a page first embeds that type. Instances
 * get browser-wide ids (so no renderer can name another's plugin surface). When a plugin process
 * dies, every embedding renderer is told, and its page shows a placeholder. Every change to which
 * instances exist fires `onDrawingChanged`: FrameSinkGrants derives the plugins' grants, and the
 * surfaces each renderer may embed, from it. An instance ends with its `<embed>` (the renderer
 * releases it), its tab, or its renderer; a renderer holds a bounded number at once.
 */
import type { ChildLauncher } from '../platform/ChildProcess';
import { Emitter } from '../common/Emitter';
import { LIMITS } from '../common/limits';
import type { GpuService } from './GpuService';
import { PluginProcessHost } from './PluginProcessHost';
import type { RenderProcessHost } from './RenderProcessHost';

/** The display compositor's surface of a plugin instance. */
export function pluginSurfaceId(instanceId: number): string {
  return `plugin:${instanceId}`;
}

export const PLUGIN_TYPES: Record<string, string> = { 'application/x-minium-clock': 'Minium Clock' };

interface Instance {
  id: number;
  renderer: RenderProcessHost;
  tabId: number;
  localId: number;
  host: PluginProcessHost;
}

export class PluginService {
  private readonly hosts = new Map<string, PluginProcessHost>();
  private readonly instances = new Map<number, Instance>();
  private serial = 0;
  /** Tabs not shown in the window: their instances are created paused. */
  private readonly hiddenTabs = new Set<number>();
  private readonly launchedEmitter = new Emitter<PluginProcessHost>();
  private readonly drawingEmitter = new Emitter<void>();
  readonly onLaunched = this.launchedEmitter.event;
  /** A plugin process became ready or gone, or an instance was created or destroyed. */
  readonly onDrawingChanged = this.drawingEmitter.event;

  constructor(
    private readonly launcher: ChildLauncher,
    private readonly sandbox: boolean,
    private readonly gpu: GpuService,
  ) {
    gpu.onAddressChanged((address) => {
      if (!address) return;
      for (const host of this.hosts.values()) host.send({ type: 'gpu-channel', gpu: { address, token: host.token } });
    });
  }

  processes(): PluginProcessHost[] {
    return [...this.hosts.values()];
  }

  tabsOf(host: PluginProcessHost): number[] {
    return [...new Set([...this.instances.values()].filter((i) => i.host === host).map((i) => i.tabId))];
  }

  /** Every plugin instance as an embedding: the plugin process that draws it into a tab of a renderer. */
  embeds(): { pluginPid: number; rendererPid: number; tabId: number }[] {
    return [...this.instances.values()].flatMap((i) =>
      i.host.pid !== null && i.renderer.pid !== null
        ? [{ pluginPid: i.host.pid, rendererPid: i.renderer.pid, tabId: i.tabId }]
        : [],
    );
  }

  /** The plugin surfaces a renderer's tabs may show inside their own. */
  surfacesShownBy(renderer: RenderProcessHost): string[] {
    return [...this.instances.values()].filter((i) => i.renderer === renderer).map((i) => pluginSurfaceId(i.id));
  }

  create(
    renderer: RenderProcessHost,
    tabId: number,
    localId: number,
    mimeType: string,
    size: { w: number; h: number },
  ): void {
    const refuse = (reason: string) => renderer.send({ type: 'plugin-gone', tabId, instanceId: localId, reason });
    const name = PLUGIN_TYPES[mimeType];
    if (!name) return refuse(`no plugin handles ${mimeType}`);
    if (this.surfacesShownBy(renderer).length >= LIMITS.pluginInstancesPerRenderer)
      return refuse(`this renderer already holds ${LIMITS.pluginInstancesPerRenderer} plugin instances`);
    const host = this.hostFor(mimeType, name);
    const id = ++this.serial;
    this.instances.set(id, { id, renderer, tabId, localId, host });
    host.instances.add(id);
    // The plugin may draw this surface and the renderer show it: said to the display compositor first.
    this.drawingEmitter.fire();
    const address = this.gpu.frameSinkAddress;
    host.send({
      type: 'create-instance',
      instanceId: id,
      surfaceId: pluginSurfaceId(id),
      size,
      gpu: address ? { address, token: host.token } : null,
      visible: !this.hiddenTabs.has(tabId),
    });
    renderer.send({ type: 'plugin-attached', tabId, instanceId: localId, surfaceId: pluginSurfaceId(id) });
  }

  /** The tab was shown or hidden: its plugin instances draw, or pause, with it. */
  setTabVisible(tabId: number, visible: boolean): void {
    if (visible) this.hiddenTabs.delete(tabId);
    else this.hiddenTabs.add(tabId);
    for (const i of this.instances.values())
      if (i.tabId === tabId) i.host.send({ type: 'instance-visibility', instanceId: i.id, visible });
  }

  /** The tab closed: nothing more to remember of it. */
  forgetTab(tabId: number): void {
    this.hiddenTabs.delete(tabId);
  }

  /** The instance's `<embed>` left its document: it ends. The renderer names it by its own id. */
  release(renderer: RenderProcessHost, tabId: number, localId: number): void {
    this.destroy(
      [...this.instances.values()].filter((i) => i.renderer === renderer && i.tabId === tabId && i.localId === localId),
    );
  }

  /** The tab closed, navigated or lost its renderer: its plugin instances end. */
  destroyForTab(tabId: number): void {
    this.destroy([...this.instances.values()].filter((i) => i.tabId === tabId));
  }

  /** Forgets the instances, withdraws their grants, then tells their processes; a process left with none ends. */
  private destroy(ending: Instance[]): void {
    if (ending.length === 0) return;
    for (const inst of ending) {
      this.instances.delete(inst.id);
      inst.host.instances.delete(inst.id);
    }
    this.drawingEmitter.fire();
    for (const inst of ending) {
      inst.host.send({ type: 'destroy-instance', instanceId: inst.id });
      if (inst.host.instances.size === 0) {
        this.hosts.delete(inst.host.mimeType);
        void inst.host.shutdown();
      }
    }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.hosts.values()].map((h) => h.shutdown()));
  }

  private hostFor(mimeType: string, name: string): PluginProcessHost {
    const existing = this.hosts.get(mimeType);
    if (existing && existing.state !== 'gone') return existing;
    const host = new PluginProcessHost(mimeType, name, this.launcher, this.sandbox);
    this.hosts.set(mimeType, host);
    host.onReady(() => this.drawingEmitter.fire());
    host.onGone((gone) => {
      if (this.hosts.get(mimeType) === host) this.hosts.delete(mimeType);
      const lost = [...this.instances.values()].filter((i) => i.host === host);
      for (const inst of lost) this.instances.delete(inst.id);
      this.drawingEmitter.fire();
      for (const inst of lost)
        inst.renderer.send({ type: 'plugin-gone', tabId: inst.tabId, instanceId: inst.localId, reason: gone.reason });
    });
    host.start();
    this.launchedEmitter.fire(host);
    return host;
  }
}

/**
 * Plugin processes: one per plugin type, launched when a page first embeds that type. Instances
 * get browser-wide ids (so no renderer can name another's plugin surface). When a plugin process
 * dies, every embedding renderer is told, and its page shows a placeholder.
 */
import type { ChildLauncher } from '../platform/ChildProcess';
import { Emitter } from '../common/Emitter';
import type { GpuService } from './GpuService';
import { PluginProcessHost } from './PluginProcessHost';
import type { RenderProcessHost } from './RenderProcessHost';

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
  private readonly launchedEmitter = new Emitter<PluginProcessHost>();
  readonly onLaunched = this.launchedEmitter.event;

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

  create(
    renderer: RenderProcessHost,
    tabId: number,
    localId: number,
    mimeType: string,
    size: { w: number; h: number },
  ): void {
    const name = PLUGIN_TYPES[mimeType];
    if (!name) {
      renderer.send({ type: 'plugin-gone', tabId, instanceId: localId, reason: `no plugin handles ${mimeType}` });
      return;
    }
    const host = this.hostFor(mimeType, name);
    const id = ++this.serial;
    this.instances.set(id, { id, renderer, tabId, localId, host });
    host.instances.add(id);
    this.gpu.grant(host);
    const address = this.gpu.frameSinkAddress;
    host.send({
      type: 'create-instance',
      instanceId: id,
      surfaceId: `plugin:${id}`,
      size,
      gpu: address ? { address, token: host.token } : null,
    });
    // The renderer may show this surface from now on: said to the display compositor first.
    renderer.pluginSurfaces.add(`plugin:${id}`);
    this.gpu.grant(renderer);
    renderer.send({ type: 'plugin-attached', tabId, instanceId: localId, surfaceId: `plugin:${id}` });
  }

  /** The tab closed, navigated or lost its renderer: its plugin instances end. */
  destroyForTab(tabId: number): void {
    for (const inst of [...this.instances.values()]) {
      if (inst.tabId !== tabId) continue;
      this.instances.delete(inst.id);
      inst.host.instances.delete(inst.id);
      this.forget(inst);
      inst.host.send({ type: 'destroy-instance', instanceId: inst.id });
      this.gpu.dropSurface(`plugin:${inst.id}`);
      if (inst.host.instances.size === 0) {
        this.hosts.delete(inst.host.mimeType);
        void inst.host.shutdown();
      }
    }
  }

  /** The instance's renderer may no longer show its surface. */
  private forget(inst: Instance): void {
    if (inst.renderer.pluginSurfaces.delete(`plugin:${inst.id}`) && inst.renderer.state !== 'gone')
      this.gpu.grant(inst.renderer);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.hosts.values()].map((h) => h.shutdown()));
  }

  private hostFor(mimeType: string, name: string): PluginProcessHost {
    const existing = this.hosts.get(mimeType);
    if (existing && existing.state !== 'gone') return existing;
    const host = new PluginProcessHost(mimeType, name, this.launcher, this.sandbox);
    this.hosts.set(mimeType, host);
    host.onReady(() => this.gpu.grant(host));
    host.onGone((gone) => {
      if (this.hosts.get(mimeType) === host) this.hosts.delete(mimeType);
      this.gpu.revoke(host.token);
      for (const inst of [...this.instances.values()]) {
        if (inst.host !== host) continue;
        this.instances.delete(inst.id);
        this.forget(inst);
        this.gpu.dropSurface(`plugin:${inst.id}`);
        inst.renderer.send({ type: 'plugin-gone', tabId: inst.tabId, instanceId: inst.localId, reason: gone.reason });
      }
    });
    host.start();
    this.launchedEmitter.fire(host);
    return host;
  }
}

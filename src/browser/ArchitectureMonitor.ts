/**
 * The architecture view's side of the kernel: one per Browser. Gathers the sources of the graph —
 * the Task Manager's process list, each child host's channel counts, the display compositor's
 * report on its clients, the plugin instances, the tabs — and keeps the rates between calls.
 * It owns no process: it reads the parts that do.
 */
import type { ArchitectureGraph } from '../common/architecture';
import type { TrafficCounts } from '../platform/ChannelTraffic';
import { buildArchitectureGraph } from './ArchitectureGraph';
import type { GpuService } from './GpuService';
import type { NetworkService } from './NetworkService';
import type { PluginService } from './PluginService';
import type { RendererRegistry } from './RendererRegistry';
import type { TabStrip } from './TabStrip';
import type { TaskManager } from './TaskManager';
import { TrafficRates } from './TrafficRates';

export class ArchitectureMonitor {
  private readonly rates = new TrafficRates();

  constructor(
    private readonly parts: {
      gpu: GpuService;
      renderers: RendererRegistry;
      plugins: PluginService;
      tabs: TabStrip;
      tasks: TaskManager;
      network: NetworkService;
    },
  ) {}

  async graph(): Promise<ArchitectureGraph> {
    const { gpu, renderers, plugins, tabs, tasks, network } = this.parts;
    const processes = await tasks.listProcesses();
    const ipc = new Map<number, TrafficCounts>();
    for (const host of [gpu.host, network.host, ...renderers.all(), ...plugins.processes()]) {
      const counts = host?.traffic();
      if (host?.pid != null && counts) ipc.set(host.pid, counts);
    }
    return buildArchitectureGraph(
      {
        at: Date.now(),
        processes,
        ipc,
        sinkClients: gpu.frameSinkClients(),
        embeds: plugins.embeds(),
        tabs: tabs.all().map((t) => tabs.info(t)),
        display: gpu.display(),
      },
      this.rates,
    );
  }
}

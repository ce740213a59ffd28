/**
 * The Task Manager's side of the kernel: one per Browser. Lists every live child with what it
 * draws, finds a child by PID, and ends a process or crashes one of a renderer's threads on
 * request. It owns no process: it reads the GPU service, the renderers, the plugins and the network
 * service. While it is asked for the list (ReportWatch), the children report live.
 */
import type { ProcessInfo, ProcessRole } from '../common/controlApi';
import { errors } from '../common/errors';
import type { ProcessHostView } from './ChildProcessHost';
import type { GpuService } from './GpuService';
import type { NetworkService } from './NetworkService';
import type { PluginService } from './PluginService';
import { describeProcesses, type ListedProcess } from './ProcessList';
import type { RendererRegistry } from './RendererRegistry';
import { RenderProcessHost } from './RenderProcessHost';
import { ReportWatch } from './ReportWatch';
import type { TabStrip } from './TabStrip';

export class TaskManager {
  /** Listing the processes is looking at them: their children report live while someone does. */
  private readonly watch = new ReportWatch(() => this.hosts());

  constructor(
    private readonly gpu: GpuService,
    private readonly renderers: RendererRegistry,
    private readonly plugins: PluginService,
    private readonly tabs: TabStrip,
    private readonly network: NetworkService,
  ) {}

  async listProcesses(): Promise<ProcessInfo[]> {
    this.watch.looked();
    const hosts: ListedProcess[] = [];
    if (this.gpu.host) hosts.push({ host: this.gpu.host, tabs: [] });
    for (const r of this.renderers.all()) {
      // As Chrome's Task Manager: a renderer is named after the tabs it draws.
      const titles = [...r.tabs].map((id) => this.tabs.find(id)?.title ?? `#${id}`);
      hosts.push({
        host: r,
        ...(r.site ? { site: r.site } : {}),
        tabs: [...r.tabs],
        title: titles.length ? `Tab: ${titles.join(' | ')}` : undefined,
        spare: r === this.renderers.spare.current ? 'spare' : r.launchedAsSpare ? 'was-spare' : undefined,
      });
    }
    for (const p of this.plugins.processes()) hosts.push({ host: p, tabs: this.plugins.tabsOf(p) });
    if (this.network.host) hosts.push({ host: this.network.host, tabs: [] });
    return describeProcesses(hosts, this.gpu.display().mode === 'browser');
  }

  killProcess(pid: number): void {
    if (pid === process.pid) throw errors.cannotKillBrowser();
    this.hostByPid(pid).kill('SIGKILL');
  }

  /** SIGSTOP or SIGCONT, as `kill -STOP` from a shell: the hang monitor sees a stopped child go silent. */
  signalProcess(pid: number, signal: 'stop' | 'continue'): void {
    if (pid === process.pid) throw errors.cannotKillBrowser();
    this.hostByPid(pid).kill(signal === 'stop' ? 'SIGSTOP' : 'SIGCONT');
  }

  crashThread(pid: number, threadId: string, how: 'exception' | 'segfault' | 'oom'): void {
    const host = this.hostByPid(pid);
    if (!(host instanceof RenderProcessHost))
      throw errors.badRequest('Only renderer threads can be crashed on request.');
    if (!host.threads.some((t) => t.id === threadId && t.state === 'running')) throw errors.noSuchThread(pid, threadId);
    host.send({ type: 'crash-thread', threadId, how });
  }

  private hostByPid(pid: number): ProcessHostView {
    const host = this.hosts().find((h) => h.pid === pid && h.state !== 'gone');
    if (!host) throw errors.noSuchProcess(pid);
    return host;
  }

  /** The browser and its live children, by PID and role: no sampling, and nobody counts as looking. */
  processRoles(): { pid: number; role: ProcessRole }[] {
    const children = this.hosts().flatMap((h) => (h.pid !== null && h.state !== 'gone' ? [h] : []));
    return [{ pid: process.pid, role: 'browser' }, ...children.map((h) => ({ pid: h.pid!, role: h.role }))];
  }

  private hosts(): ProcessHostView[] {
    const all: (ProcessHostView | null)[] = [
      this.gpu.host,
      ...this.renderers.all(),
      ...this.plugins.processes(),
      this.network.host,
    ];
    return all.filter((h) => h !== null);
  }
}

/** The Task Manager's rows: every Minium process with its role, tabs, OS metrics and threads. */
import type { ProcessInfo } from '../common/controlApi';
import { LoopLoad } from '../platform/child/LoopLoad';
import type { ProcessHostView } from './ChildProcessHost';
import { heapFigures } from '../platform/child/ThreadHeap';
import { readProcessMetrics, readProportionalSetSize } from './ProcessMetrics';

const browserLoad = new LoopLoad();

export interface ListedProcess {
  host: ProcessHostView;
  site?: string;
  tabs: number[];
  title?: string;
  /** A renderer that is the spare now, or was launched as one and taken by its site. */
  spare?: 'spare' | 'was-spare';
}

export async function describeProcesses(
  children: ListedProcess[],
  compositingInBrowser: boolean,
): Promise<ProcessInfo[]> {
  const live = children.filter((c) => c.host.pid !== null && c.host.state !== 'gone');
  const pids = [process.pid, ...live.map((c) => c.host.pid as number)];
  const [metrics, pss] = await Promise.all([
    readProcessMetrics(pids),
    Promise.all(pids.map(async (pid) => [pid, await readProportionalSetSize(pid)] as const)),
  ]);
  const pssOf = new Map(pss);
  const m = (pid: number) => {
    const pssBytes = pssOf.get(pid);
    return { ...(metrics.get(pid) ?? { cpuPercent: 0, rssBytes: 0 }), ...(pssBytes ? { pssBytes } : {}) };
  };
  const browser: ProcessInfo = {
    pid: process.pid,
    role: 'browser',
    title: compositingInBrowser ? 'Browser (compositing in-process)' : 'Browser',
    tabs: [],
    ...m(process.pid),
    threads: [
      {
        id: 'main',
        name: 'CrBrowserMain',
        kind: compositingInBrowser ? 'main+display' : 'main',
        busy: browserLoad.sample(),
        state: 'running',
        heap: heapFigures(),
      },
    ],
  };
  return [
    browser,
    ...live.map((c) => ({
      pid: c.host.pid as number,
      role: c.host.role,
      title: c.title ?? c.host.title,
      ...(c.site ? { site: c.site } : {}),
      ...(c.spare === 'spare' ? { spare: true } : c.spare === 'was-spare' ? { wasSpare: true } : {}),
      tabs: c.tabs,
      ...(c.host.unresponsive ? { unresponsive: true as const } : {}),
      ...m(c.host.pid as number),
      threads: c.host.threads,
      ...(c.host.sandbox ? { sandbox: c.host.sandbox } : {}),
    })),
  ];
}

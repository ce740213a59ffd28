/**
 * GPU process entry, its main thread (Chromium's CrGpuMain): talks to the browser, answers its
 * watchdog (stats), faults or hangs on `minium://gpucrash`/`gpuhang`, and runs the display
 * compositor on a thread of its own, the VizCompositorThread (`vizCompositorThread.ts`).
 * Renderers and plugins submit frames to that thread directly; it composites them into tab
 * surfaces and presents damaged regions to the window. The browser restarts the process when it
 * dies, and the process dies with its compositor thread.
 */
import '../../platform/child/parentLifetime'; // first: die with the browser, whatever loads next
import '../../platform/child/allocatorOptions'; // before any native module loads
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { BrowserToGpu, type GpuToBrowser, parseMessage, type ThreadHeap } from '../../common/protocol';
import { connectToParent } from '../../platform/child/parentPort';
import { LoopLoad } from '../../platform/child/LoopLoad';
import { ReportClock } from '../../platform/child/ReportClock';
import { heapFigures } from '../../platform/child/ThreadHeap';
import { sandboxSelfOrExit } from '../../platform/child/sandboxSelf';
import { ChildTraceCollector } from '../../platform/child/ChildTraceCollector';
import { joinProcessTrace, tracer } from '../../platform/tracing';
import { native } from '../../platform/native';
import { openVizSockets } from '../../viz/service/VizSockets';
import type { FromViz, ToViz, VizThreadData } from './vizThreadMessages';

const parent = connectToParent<GpuToBrowser>();
const load = new LoopLoad();
joinProcessTrace('CrGpuMain', 0);
/** Both threads answer a trace's start and stop. */
const traces = new ChildTraceCollector(
  (m) => parent.send(m),
  () => 2,
);
const log = (message: string) => parent.send({ type: 'log', level: 'warn', message });

// The sandbox forbids new TCP sockets: open the display's listening socket first (accepting
// connections later is allowed), lock down, then start the compositor thread, which inherits the
// sandbox, before the first message from the browser or any frame is read.
const owner = `gpu-${randomBytes(4).toString('hex')}`;
const sockets = openVizSockets();
const sandbox = sandboxSelfOrExit();
const viz = new Worker(path.join(__dirname, 'vizCompositorThread.js'), {
  workerData: { owner, sockets, tracing: traces.tracing } satisfies VizThreadData,
});
const vizLoad = new LoopLoad((p) => viz.performance.eventLoopUtilization(p));
let vizHeap: ThreadHeap | undefined;
const toViz = (m: ToViz) => viz.postMessage(m);
// Each report asks the compositor thread for its frame counts and heap too (it also reports
// frame counts itself while it presents), so a still screen wakes neither thread.
const reports = new ReportClock(() => {
  const busy = load.sample();
  const vizBusy = vizLoad.sample();
  toViz({ type: 'report' });
  parent.send({
    type: 'stats',
    threads: [
      { id: 'main', name: 'gpu main', kind: 'main', busy, state: 'running', heap: heapFigures() },
      {
        id: 'viz',
        name: 'VizCompositorThread',
        kind: 'display',
        busy: vizBusy,
        state: 'running',
        ...(vizHeap ? { heap: vizHeap } : {}),
      },
    ],
  });
  return { busiest: Math.max(busy, vizBusy) };
});
// Without its compositor the process is of no use: it ends, and the browser restarts it.
viz.on('error', (e) => {
  process.stderr.write(`VizCompositorThread failed: ${e.stack ?? String(e)}\n`);
  process.exit(1);
});
viz.on('exit', (code) => process.exit(code || 1));

function receive(raw: unknown, endpoints: { frameSinkAddress: string; displayPort: number }): void {
  const parsed = parseMessage(BrowserToGpu, raw);
  if (!parsed.ok) {
    parent.send({
      type: 'log',
      level: 'error',
      message: `ignored a malformed message from the browser: ${parsed.reason}`,
    });
    return;
  }
  const m = parsed.value;
  tracer.slice('ChildThreadImpl::OnMessageReceived', () => handle(m, endpoints), { type: m.type });
}

function handle(m: BrowserToGpu, endpoints: { frameSinkAddress: string; displayPort: number }): void {
  if (m.type === 'init') {
    toViz({ type: 'authorize-display', token: m.displayToken });
    parent.send({ type: 'display-ready', ...endpoints });
    reports.start();
  } else if (m.type === 'debug') {
    // As chrome://gpucrash and chrome://gpuhang: a real memory fault, or a main thread that never
    // yields (the browser's watchdog hears no more stats and ends the process).
    if (m.kind === 'gpucrash') native().fault();
    for (;;);
  } else if (m.type === 'trace-start' || m.type === 'trace-stop') {
    traces.obey(m);
  } else if (m.type === 'report-rate') {
    reports.setRate(m);
  } else if (m.type === 'shutdown') {
    toViz({ type: 'close' });
    process.exit(0);
  } else {
    toViz({ type: 'handle', order: m });
  }
}

function fromViz(m: FromViz, ready: (endpoints: { frameSinkAddress: string; displayPort: number }) => void): void {
  if (m.type === 'listening') ready({ frameSinkAddress: m.frameSinkAddress, displayPort: m.displayPort });
  else if (m.type === 'heap') vizHeap = m.heap;
  else if (m.type === 'log') log(m.message);
  else parent.send(m);
}

viz.on('message', (m: FromViz) =>
  fromViz(m, (endpoints) => {
    parent.onMessage((raw) => receive(raw, endpoints));
    parent.send({ type: 'ready', pid: process.pid, sandbox });
  }),
);

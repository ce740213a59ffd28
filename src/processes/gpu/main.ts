/**
 * GPU process entry: the display compositor. Renderers and plugins submit frames to it directly;
 * it composites them into tab surfaces and presents damaged regions to the window. The browser
 * process restarts it when it dies.
 */
import '../../platform/child/parentLifetime'; // first: die with the browser, whatever loads next
import '../../platform/child/allocatorOptions'; // before any native module loads
import { randomBytes } from 'node:crypto';
import { BrowserToGpu, type GpuToBrowser, parseMessage } from '../../common/protocol';
import { connectToParent } from '../../platform/child/parentPort';
import { LoopLoad } from '../../platform/child/LoopLoad';
import { heapFigures } from '../../platform/child/ThreadHeap';
import { sandboxSelfOrExit } from '../../platform/child/sandboxSelf';
import { ChildTraceCollector } from '../../platform/child/ChildTraceCollector';
import { joinProcessTrace } from '../../platform/tracing';
import { native } from '../../platform/native';
import { VizService } from '../../viz/service/VizService';

const parent = connectToParent<GpuToBrowser>();
const load = new LoopLoad();
// The display compositor runs on the process's only thread: Chromium's CrGpuMain, whose work
// Chromium has since moved to a VizCompositorThread of its own.
joinProcessTrace('CrGpuMain', 0);
const traces = new ChildTraceCollector(
  (m) => parent.send(m),
  () => 1,
);
const viz = new VizService(`gpu-${randomBytes(4).toString('hex')}`, null, (message) =>
  parent.send({ type: 'log', level: 'warn', message }),
);
viz.compositor.onInputPresented((p) => parent.send({ type: 'input-presented', ...p }));
viz.compositor.onFirstFrame((s) =>
  parent.send({ type: 'presentation-stats', surfaces: [s], clients: viz.clientStats() }),
);

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
  if (m.type === 'init') {
    viz.authorizeDisplay(m.displayToken);
    parent.send({ type: 'display-ready', ...endpoints });
    setInterval(() => {
      parent.send({ type: 'presentation-stats', surfaces: viz.compositor.stats(), clients: viz.clientStats() });
      parent.send({
        type: 'stats',
        threads: [
          { id: 'main', name: 'viz main', kind: 'display', busy: load.sample(), state: 'running', heap: heapFigures() },
        ],
      });
    }, 250).unref();
  } else if (m.type === 'debug') {
    // As chrome://gpucrash and chrome://gpuhang: a real memory fault, or a thread that never yields.
    if (m.kind === 'gpucrash') native().fault();
    for (;;);
  } else if (m.type === 'trace-start') {
    traces.start(m.requestId);
  } else if (m.type === 'trace-stop') {
    traces.stop(m.requestId);
  } else if (m.type === 'shutdown') {
    viz.close();
    process.exit(0);
  } else {
    viz.handle(m);
  }
}

// The sandbox forbids new sockets: listen first (accepting connections later is allowed), then
// lock down before the first message from the browser or any frame is read.
void viz.start().then((endpoints) => {
  const sandbox = sandboxSelfOrExit();
  parent.onMessage((raw) => receive(raw, endpoints));
  parent.send({ type: 'ready', pid: process.pid, sandbox });
});

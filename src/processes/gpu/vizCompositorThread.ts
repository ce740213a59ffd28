/**
 * The GPU process's VizCompositorThread (Chromium's name): the display compositor, a real worker
 * thread. Frame sinks from renderers and plugins and the display WebSocket are served here, so a
 * frame never waits on the main thread (CrGpuMain), which keeps the browser's IPC, the watchdog
 * and crash and hang orders. Started after the process locked itself down, it inherits the
 * sandbox; it listens on sockets the main thread opened before (`VizSockets`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { heapFigures } from '../../platform/child/ThreadHeap';
import { joinProcessTrace } from '../../platform/tracing';
import { VizService } from '../../viz/service/VizService';
import type { FromViz, ToViz, VizThreadData } from './vizThreadMessages';

const REPORT_MS = 250;
const { owner, sockets, tracing } = workerData as VizThreadData;
const toMain = (m: FromViz) => parentPort!.postMessage(m);

joinProcessTrace('VizCompositorThread', 1, tracing);
const viz = new VizService(owner, null, (message) => toMain({ type: 'log', message }), sockets);
viz.compositor.onInputPresented((p) => toMain({ type: 'input-presented', ...p }));
viz.compositor.onFirstFrame((s) => toMain({ type: 'presentation-stats', surfaces: [s], clients: viz.clientStats() }));

parentPort!.on('message', (m: ToViz) => {
  if (m.type === 'authorize-display') {
    viz.authorizeDisplay(m.token);
    // The browser reads presentation from these from now on.
    setInterval(() => {
      toMain({ type: 'presentation-stats', surfaces: viz.compositor.stats(), clients: viz.clientStats() });
      toMain({ type: 'heap', heap: heapFigures() });
    }, REPORT_MS).unref();
  } else if (m.type === 'handle') {
    viz.handle(m.order);
  } else {
    viz.close();
    parentPort!.close();
  }
});

void viz.start().then((endpoints) => toMain({ type: 'listening', ...endpoints }));

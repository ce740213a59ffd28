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
import { reportPresentationsWhileDrawing } from '../../viz/service/PresentationReports';
import { VizService } from '../../viz/service/VizService';
import type { FromViz, ToViz, VizThreadData } from './vizThreadMessages';

const { owner, sockets, tracing } = workerData as VizThreadData;
const toMain = (m: FromViz) => parentPort!.postMessage(m);

joinProcessTrace('VizCompositorThread', 1, tracing);
const viz = new VizService(owner, null, (message) => toMain({ type: 'log', message }), sockets);
viz.compositor.onInputPresented((p) => toMain({ type: 'input-presented', ...p }));
viz.compositor.onFirstFrame((s) => toMain({ type: 'presentation-stats', surfaces: [s], clients: viz.clientStats() }));
// Frame counts while frames are presented, and when the main thread reports to the browser.
const presentations = reportPresentationsWhileDrawing(viz, (p) => toMain({ type: 'presentation-stats', ...p }));

parentPort!.on('message', (m: ToViz) => {
  if (m.type === 'authorize-display') {
    viz.authorizeDisplay(m.token);
  } else if (m.type === 'report') {
    presentations();
    toMain({ type: 'heap', heap: heapFigures() });
  } else if (m.type === 'handle') {
    viz.handle(m.order);
  } else {
    viz.close();
    parentPort!.close();
  }
});

void viz.start().then((endpoints) => toMain({ type: 'listening', ...endpoints }));

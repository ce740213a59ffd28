/**
 * Renderer compositor thread (cc's impl thread): owns each tab's committed layer tree, animates
 * it every vsync without the main thread, schedules raster on the raster threads, and submits
 * frames straight to the display compositor.
 */
import { parentPort } from 'node:worker_threads';
import { FrameSinkClient } from '../../../viz/client/FrameSinkClient';
import { LayerTreeHostImpl } from '../compositor/LayerTreeHostImpl';
import { RasterDispatcher } from '../compositor/RasterDispatcher';
import type { Commit, ToCompositor } from '../threadMessages';
import { crashThisThread } from './crash';

const VSYNC_MS = 1000 / 60;
const hosts = new Map<number, LayerTreeHostImpl>();
const sink = new FrameSinkClient();
const log = (message: string) => parentPort!.postMessage({ type: 'log', message });
const raster = new RasterDispatcher(log);
let taskSerial = 0;

sink.onConnected(() => hosts.forEach((h) => h.displayReset()));
sink.onAck(({ surfaceId, seq }) => hosts.get(Number(surfaceId.slice(4)))?.acknowledged(seq));
sink.onLost((why) => log(`lost the display compositor (${why}); waiting for a new channel`));

function onCommit(c: Commit): void {
  if (c.type === 'close') {
    hosts.get(c.tabId)?.dispose();
    hosts.delete(c.tabId);
    return;
  }
  let host = hosts.get(c.tabId);
  if (!host) {
    host = new LayerTreeHostImpl(c.tabId, c.viewport);
    hosts.set(c.tabId, host);
    // The IO thread unlinks the pool's name if the process ends before the tab closes.
    parentPort!.postMessage({ type: 'pool', name: host.poolName });
  }
  host.commit(c.page, c.viewport);
  schedule();
}

function schedule(): void {
  for (const host of hosts.values()) raster.enqueue(host.takeRasterTasks(() => ++taskSerial));
}

function beginFrame(): void {
  schedule();
  if (!sink.ready) return;
  const now = performance.now();
  for (const host of hosts.values()) {
    const frame = host.produceFrame(now);
    if (frame) sink.submit(frame);
  }
}

parentPort!.on('message', (m: ToCompositor) => {
  switch (m.type) {
    case 'gpu-channel':
      if (m.gpu) sink.connect(m.gpu);
      else sink.disconnect();
      break;
    case 'raster-port':
      raster.attach(m.index, m.port);
      break;
    case 'main-port':
      m.port.on('message', onCommit);
      break;
    case 'crash':
      crashThisThread(m.how, 'compositor');
      break;
  }
});

setInterval(beginFrame, VSYNC_MS);

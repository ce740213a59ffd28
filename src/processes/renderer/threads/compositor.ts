/**
 * Renderer compositor thread (cc's impl thread): owns each tab's committed layer tree, scrolls
 * and animates it every vsync without the main thread, hit-tests input and forwards to the main
 * thread only what needs page script, schedules raster on the raster threads, and submits frames
 * straight to the display compositor.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { FrameSinkClient } from '../../../viz/client/FrameSinkClient';
import { LIMITS } from '../../../common/limits';
import { answerHeapRequests } from '../../../platform/child/ThreadHeap';
import type { RenderingOverlays, SubmitFrame } from '../../../common/protocol';
import { BeginFrameSource } from '../compositor/BeginFrameSource';
import { LayerTreeHostImpl } from '../compositor/LayerTreeHostImpl';
import { RasterDispatcher } from '../compositor/RasterDispatcher';
import { registerFonts } from '../../shared/Fonts';
import type { CompositorToMain, FromCompositor, MainToCompositor, ToCompositor } from '../threadMessages';
import { crashThisThread } from './crash';
import { joinProcessTrace, processFlowId, tracer } from '../../../platform/tracing';
import { FLOWS } from '../../../common/TraceRecorder';

registerFonts(); // the frame-rate meter draws text
joinProcessTrace('Compositor', 2, (workerData as { tracing: boolean }).tracing);
const VSYNC_MS = 1000 / 60;
const hosts = new Map<number, LayerTreeHostImpl>();
const sink = new FrameSinkClient();
const toIo = (m: FromCompositor) => parentPort!.postMessage(m);
const log = (message: string) => toIo({ type: 'log', message });
const raster = new RasterDispatcher(log);
let mainPort: MessagePort | null = null;
let overlays: RenderingOverlays = { tileBorders: false, paintFlashing: false, fpsMeter: false };
let taskSerial = 0;
/**
 * Tabs not shown in any window: no raster, no frames, their animations paused (kept apart: a tab's
 * host comes with its first commit).
 */
const hidden = new Set<number>();
const vsync = new BeginFrameSource(VSYNC_MS, beginFrame);
const needsFrames = () => vsync.setNeedsBeginFrames();
let frameSerial = 0;

const hostOf = (surfaceId: string) => hosts.get(Number(surfaceId.slice('tab:'.length)));
sink.onConnected(() => {
  hosts.forEach((h) => h.displayReset());
  needsFrames();
});
sink.onGranted((surfaceIds) => {
  surfaceIds.forEach((id) => hostOf(id)?.displayReset());
  needsFrames();
});
sink.onAck(({ surfaceId, seq }) => {
  hostOf(surfaceId)?.acknowledged(seq);
  needsFrames(); // a freed slot may let waiting tiles raster
});
sink.onLost((why) => log(`lost the display compositor (${why}); waiting for a new channel`));

const toMain = (m: CompositorToMain) => mainPort?.postMessage(m);

function onMainMessage(m: MainToCompositor): void {
  if (m.type === 'close' || m.type === 'visibility') return onMainThreadMessage(m);
  tracer.slice(
    m.type === 'commit' ? 'LayerTreeHostImpl::Commit' : 'LayerTreeHostImpl::MainThreadInput',
    () => {
      if (m.type === 'commit' && m.traceId !== undefined) tracer.flow('f', FLOWS.commit, m.traceId);
      const inputs = m.type === 'commit' ? m.latency : [m.inputId];
      for (const inputId of inputs) tracer.flow('t', FLOWS.input, inputId);
      onMainThreadMessage(m);
    },
    { tabId: m.tabId },
  );
}

function onMainThreadMessage(m: MainToCompositor): void {
  if (m.type === 'close') {
    hosts.get(m.tabId)?.dispose();
    hosts.delete(m.tabId);
    hidden.delete(m.tabId);
    return;
  }
  if (m.type === 'visibility') {
    if (m.visible) hidden.delete(m.tabId);
    else hidden.add(m.tabId);
    hosts.get(m.tabId)?.setVisible(m.visible, performance.now());
  } else if (m.type === 'scroll-by') {
    const host = hosts.get(m.tabId);
    if (host) {
      if (host.scrollAt(m.x, m.y, m.dx, m.dy, m.inputId)) host.frameMetrics.scrolled();
      else host.addLatency(m.inputId);
    }
  } else if (m.type === 'input-handled') {
    hosts.get(m.tabId)?.addLatency(m.inputId);
  } else {
    let host = hosts.get(m.tabId);
    if (!host) {
      host = new LayerTreeHostImpl(m.tabId, m.viewport, overlays, sink);
      host.setVisible(!hidden.has(m.tabId), performance.now());
      hosts.set(m.tabId, host);
    }
    host.commit(m.page, m.viewport, m.latency);
    host.frameMetrics.mainThreadCommitted(m.animating);
    // Raster starts now, not at the next vsync.
    if (host.visible) scheduleRaster(host, performance.now());
  }
  needsFrames();
}

/**
 * Input arrives here first, as in Chromium: scrolling needs no main thread unless the page listens
 * for wheel events.
 */
function onInput(m: Extract<ToCompositor, { type: 'input' }>): void {
  tracer.slice(
    'InputHandlerProxy::HandleInputEvent',
    () => {
      tracer.flow('t', FLOWS.input, m.inputId);
      handleInput(m);
    },
    { type: m.event.type, inputId: m.inputId },
  );
}

function handleInput(m: Extract<ToCompositor, { type: 'input' }>): void {
  const host = hosts.get(m.tabId);
  if (!host) return;
  const e = m.event;
  const hit = host.hitTest(e.x, e.y);
  if (e.type === 'click')
    return toMain({ type: 'click', tabId: m.tabId, layer: hit.layer, x: hit.x, y: hit.y, inputId: m.inputId });
  if (host.wheelListeners) {
    return toMain({
      type: 'wheel',
      tabId: m.tabId,
      layer: hit.layer,
      x: hit.x,
      y: hit.y,
      viewportX: e.x,
      viewportY: e.y,
      dx: e.dx,
      dy: e.dy,
      inputId: m.inputId,
    });
  }
  if (host.scrollAt(e.x, e.y, e.dx, e.dy, m.inputId)) host.frameMetrics.scrolled();
  else host.addLatency(m.inputId);
  needsFrames();
}

/**
 * Hands the tab's due tiles to the raster threads. Whatever becomes of a task — drawn, failed, or
 * lost with its thread and re-queued — it asks for a vsync: to present the tile, or to schedule it again.
 */
function scheduleRaster(host: LayerTreeHostImpl, now: number): void {
  const jobs = host.takeRasterJobs(now, () => ++taskSerial);
  raster.enqueue(
    jobs.map((job) => ({
      ...job,
      done: (ok: boolean, thread: number) => {
        job.done(ok, thread);
        needsFrames();
      },
    })),
  );
}

let lastBeginFrame: number | null = null;

/** One vsync: raster scheduling and a frame for each shown tab; returns whether any still needs the next vsync. */
function beginFrame(): boolean {
  const now = performance.now();
  // A late timer means vsyncs this thread slept through: their frames count as dropped.
  const missed = lastBeginFrame === null ? 0 : Math.max(0, Math.round((now - lastBeginFrame) / VSYNC_MS) - 1);
  lastBeginFrame = now;
  const shown = [...hosts.values()].filter((h) => h.visible);
  tracer.slice('TileManager::PrepareTiles', () => shown.forEach((host) => scheduleRaster(host, now)));
  // Without a display compositor there is nothing to draw for: `onConnected` asks again.
  if (!sink.ready) return stopBeginFrames();
  for (const host of shown) {
    // A tab the display compositor has not yet granted waits, with its damage kept, for `onGranted`.
    const frame = sink.mayDraw(host.surfaceId)
      ? tracer.slice('LayerTreeHostImpl::DrawLayers', () => host.produceFrame(now), { tabId: host.tabId })
      : null;
    if (frame)
      tracer.slice('SubmitCompositorFrame', () => submit(frame), { surfaceId: frame.surfaceId, seq: frame.seq });
    // An animation that changed nothing on screen this vsync (a steps() easing holding) expects no frame, as in cc.
    const compositorAnimating = host.animating(now) && !(frame === null && host.skipped === 'no-damage');
    host.frameMetrics.vsync(now, { compositorAnimating, drew: frame !== null, missed });
  }
  return shown.some((h) => sink.mayDraw(h.surfaceId) && h.needsBeginFrame(now)) || stopBeginFrames();
}

/** Vsync stops while nothing changes: the gap until it starts again is idle time, not dropped frames. */
function stopBeginFrames(): false {
  lastBeginFrame = null;
  return false;
}

answerHeapRequests(parentPort!);

/**
 * Sends a frame to the display compositor; while tracing it carries the frame's flow id, and
 * continues its inputs' flows.
 */
function submit(frame: SubmitFrame): void {
  if (tracer.enabled) {
    frame.traceId = processFlowId(++frameSerial);
    tracer.flow('s', FLOWS.frame, frame.traceId);
    for (const inputId of frame.latency ?? []) tracer.flow('t', FLOWS.input, inputId);
  }
  sink.submit(frame);
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
      mainPort = m.port;
      m.port.on('message', onMainMessage);
      break;
    case 'input':
      onInput(m);
      break;
    case 'overlays':
      overlays = m.overlays;
      hosts.forEach((h) => h.setOverlays(overlays));
      needsFrames();
      break;
    case 'tile-report': {
      const host = hosts.get(m.tabId);
      toIo({
        type: 'tile-report',
        requestId: m.requestId,
        report: host
          ? {
              tabId: m.tabId,
              rasterThreads: Math.max(1, raster.threadCount),
              scroll: host.scrollOffset(),
              framesPerSecond: host.framesPerSecond,
              beginFrames: vsync.beginFrames,
              frameMetrics: host.frameMetrics.metrics(performance.now()),
              tiles: host.tileOwners().slice(0, LIMITS.tilesPerReport),
            }
          : null,
      });
      break;
    }
    case 'crash':
      crashThisThread(m.how, 'compositor');
      break;
  }
});

toIo({ type: 'started' });

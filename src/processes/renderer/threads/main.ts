/**
 * Renderer main thread (Blink's): asks for the page through the IO thread (the browser process
 * fetches it), parses it, runs its scripts, and at each frame in which something changed runs
 * style, layout and paint and commits the layers to the compositor thread over their own
 * channel. Input reaches it from the compositor thread, already hit-tested to a layer. One main
 * thread serves every tab of the renderer's site.
 */
import { MessageChannel, parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { createCanvas } from '@napi-rs/canvas';
import { LIMITS } from '../../../common/limits';
import { answerHeapRequests } from '../../../platform/child/ThreadHeap';
import { errorPage } from '../page/ErrorPage';
import { registerFonts } from '../../shared/Fonts';
import { FrameView } from '../page/FrameView';
import type { Document as Dom, Element } from '../page/dom/Dom';
import { findElement } from '../page/dom/Dom';
import { parseHtml } from '../page/dom/parseHtml';
import type { PagePaint } from '../commit/PagePaint';
import { PageScripts } from '../script/PageScripts';
import { WARM_UP_PAGE } from '../page/WarmUpPage';
import type {
  CompositorToMain,
  FromMain,
  MainToCompositor,
  ResourceResult,
  TabLifecycle,
  ToMain,
  WorkerLifecycle,
} from '../threadMessages';
import { crashThisThread } from './crash';
import { joinProcessTrace, processFlowId, tracer } from '../../../platform/tracing';
import { FLOWS } from '../../../common/TraceRecorder';

registerFonts();
const measureCtx = createCanvas(1, 1).getContext('2d');
const measure = (text: string, font: string) => {
  measureCtx.font = font;
  return measureCtx.measureText(text).width;
};
const { compositorPort: compositor, warmUp } = workerData as { compositorPort: MessagePort; warmUp: boolean };
joinProcessTrace('CrRendererMain', 0, (workerData as { tracing: boolean }).tracing);
let commitSerial = 0;
const toIo = (m: FromMain, transfer: MessagePort[] = []) => parentPort!.postMessage(m, transfer);
const commit = (c: MainToCompositor) => compositor.postMessage(c);
const FRAME_MS = 1000 / 60;

interface Tab {
  tabId: number;
  url: string;
  viewport: { w: number; h: number };
  view: FrameView | null;
  paint: PagePaint | null;
  scripts: PageScripts | null;
  /** Something changed since the last commit: style, layout and paint at the next frame. */
  dirty: boolean;
  frameRequested: boolean;
  /** Inputs whose effect the next commit shows. */
  latency: number[];
  /** What the browser said of each plugin instance: its surface, or why its process is gone. */
  /** Plugin instances asked for and not yet released, whatever became of them. */
  plugins: Set<number>;
  pluginSurfaces: Map<number, string>;
  deadPlugins: Map<number, string>;
  closed: boolean;
  /**
   * Shown in a window, hidden, or frozen. A hidden tab runs no frames (no requestAnimationFrame,
   * no style, layout or paint) until shown; a frozen one runs no task at all, its workers neither.
   */
  lifecycle: TabLifecycle;
}
const tabs = new Map<number, Tab>();
const pendingFetches = new Map<number, (result: ResourceResult) => void>();
let requestSerial = 0;
let pluginSerial = 0;
let workerSerial = 0;
let frameTimer: NodeJS.Timeout | null = null;

function fetchResource(tabId: number, url: string, destination: 'document' | 'script'): Promise<ResourceResult> {
  const requestId = ++requestSerial;
  return new Promise((resolve) => {
    pendingFetches.set(requestId, resolve);
    toIo({ type: 'fetch', requestId, tabId, url, destination });
  });
}

/** Asks for a main-thread frame (Blink's BeginMainFrame), on the next vsync boundary. */
function scheduleFrame(): void {
  if (frameTimer) return;
  const now = performance.now();
  frameTimer = setTimeout(runFrame, FRAME_MS - (now % FRAME_MS));
}

function runFrame(): void {
  frameTimer = null;
  tracer.slice('ProxyMain::BeginMainFrame', () => {
    const now = performance.now();
    for (const tab of tabs.values()) {
      if (tab.lifecycle !== 'visible') continue; // its frame waits until it is shown
      if (tab.frameRequested && tab.scripts) {
        tab.frameRequested = false;
        const scripts = tab.scripts;
        tracer.slice('FireAnimationFrame', () => scripts.animationFrame(now), { tabId: tab.tabId });
      }
      if (tab.dirty) render(tab);
    }
  });
}

/** Style, layout and paint, then commit. A document too large to build becomes an error page in its tab. */
function render(tab: Tab): void {
  if (!tab.view || tab.closed) return;
  tab.dirty = false;
  let page: PagePaint;
  try {
    page = tab.view.update();
  } catch (e) {
    const reason = `The page could not be laid out: ${e instanceof Error ? e.message : String(e)}`;
    toIo({ type: 'console', tabId: tab.tabId, level: 'error', message: reason });
    tab.scripts?.dispose();
    tab.scripts = null;
    tab.view = newView(tab, parseHtml(errorPage(tab.url, reason)));
    page = tab.view.update();
  }
  page.wheelListeners = tab.scripts?.listening.has('wheel') ?? false;
  const embeds = page.layers.flatMap((l) => (l.plugin ? [{ plugin: l.plugin, bounds: l.bounds }] : []));
  page.layers = page.layers.map((l) => {
    if (!l.plugin) return l;
    const dead = tab.deadPlugins.get(l.plugin.instanceId);
    // A crashed plugin's area shows a placeholder; the page itself lives on.
    if (dead) return { ...l, plugin: undefined, items: sadPluginItems(l.bounds.w, l.bounds.h, dead) };
    return { ...l, plugin: { ...l.plugin, surfaceId: tab.pluginSurfaces.get(l.plugin.instanceId) } };
  });
  const isFirst = !tab.paint;
  tab.paint = page;
  const latency = tab.latency.splice(0);
  tracer.slice(
    'ProxyMain::Commit',
    () => {
      const traceId = tracer.enabled ? processFlowId(++commitSerial) : undefined;
      if (traceId !== undefined) tracer.flow('s', FLOWS.commit, traceId);
      for (const inputId of latency) tracer.flow('t', FLOWS.input, inputId);
      const animating = tab.frameRequested;
      commit({ type: 'commit', tabId: tab.tabId, viewport: tab.viewport, page, latency, animating, traceId });
    },
    { tabId: tab.tabId, layers: page.layers.length },
  );
  if (isFirst) toIo({ type: 'loaded', tabId: tab.tabId, title: page.title || tab.url });
  for (const { plugin, bounds } of embeds) if (!tab.plugins.has(plugin.instanceId)) requestPlugin(tab, plugin, bounds);
  // An <embed> that left the document (removed, replaced) ends its instance, as its element would in Blink.
  const present = new Set(embeds.map((e) => e.plugin.instanceId));
  for (const instanceId of tab.plugins) if (!present.has(instanceId)) releasePlugin(tab, instanceId);
}

/** A plugin surface is at most what one texture holds: a wider `<embed>` gets a clamped instance. */
function requestPlugin(tab: Tab, plugin: { instanceId: number; mimeType: string }, bounds: { w: number; h: number }) {
  const side = (n: number) => Math.min(LIMITS.surfaceSide, Math.max(1, Math.round(n)));
  const size = { w: side(bounds.w), h: side(bounds.h) };
  if (size.w < Math.round(bounds.w) || size.h < Math.round(bounds.h))
    toIo({
      type: 'console',
      tabId: tab.tabId,
      level: 'warn',
      message:
        `an <embed> of ${Math.round(bounds.w)}×${Math.round(bounds.h)} pixels gets a plugin surface of ` +
        `${size.w}×${size.h}, at most ${LIMITS.surfaceSide} a side`,
    });
  tab.plugins.add(plugin.instanceId);
  toIo({ type: 'plugin-request', tabId: tab.tabId, instanceId: plugin.instanceId, mimeType: plugin.mimeType, size });
}

function releasePlugin(tab: Tab, instanceId: number): void {
  tab.plugins.delete(instanceId);
  tab.pluginSurfaces.delete(instanceId);
  tab.deadPlugins.delete(instanceId);
  toIo({ type: 'plugin-released', tabId: tab.tabId, instanceId });
}

function newView(tab: Tab, dom: Dom): FrameView {
  return new FrameView(dom, tab.viewport, measure, () => ++pluginSerial);
}

function invalidate(tab: Tab): void {
  tab.dirty = true;
  scheduleFrame();
}

async function load(tab: Tab, html: string): Promise<void> {
  let dom: Dom;
  try {
    dom = tracer.slice('ParseHTML', () => parseHtml(html), { tabId: tab.tabId, bytes: html.length });
  } catch (e) {
    tab.view = newView(
      tab,
      parseHtml(errorPage(tab.url, `The page could not be built: ${e instanceof Error ? e.message : String(e)}`)),
    );
    return render(tab);
  }
  tab.view = newView(tab, dom);
  render(tab); // first paint before scripts run, as a browser paints what it has parsed
  await runScripts(tab, dom);
}

async function runScripts(tab: Tab, dom: Dom): Promise<void> {
  const scripts = new PageScripts(dom, tab.url, {
    changed: () => invalidate(tab),
    frameRequested: () => {
      tab.frameRequested = true;
      scheduleFrame();
    },
    console: (level, message) => toIo({ type: 'console', tabId: tab.tabId, level, message }),
    startWorker: (url, onMessage) => {
      const workerId = `worker-${++workerSerial}`;
      const { port1, port2 } = new MessageChannel();
      port1.on('message', (json: string) => onMessage(json));
      toIo({ type: 'start-worker', workerId, tabId: tab.tabId, url, port: port2 }, [port2]);
      return {
        post: (json) => port1.postMessage(json),
        setFrozen: (frozen) => port1.postMessage({ type: 'lifecycle', frozen } satisfies WorkerLifecycle),
        stop: () => {
          port1.close();
          toIo({ type: 'stop-worker', workerId });
        },
      };
    },
  });
  tab.scripts = scripts;
  scripts.setLifecycle(tab.lifecycle);
  for (const [i, s] of scripts.scripts().entries()) {
    if (tab.closed) return;
    if (s.code !== undefined) {
      const name = `${tab.url} (inline script ${i + 1})`;
      tracer.slice('EvaluateScript', () => scripts.run(s.code!, name), { url: name });
      continue;
    }
    const url = new URL(s.src!, tab.url).href;
    const result = await fetchResource(tab.tabId, url, 'script');
    if (tab.closed) return;
    if (result.ok) tracer.slice('EvaluateScript', () => scripts.run(result.body, url), { url });
    else
      toIo({
        type: 'console',
        tabId: tab.tabId,
        level: 'error',
        message: `could not load script ${url}: ${result.error}`,
      });
  }
}

/** Input the compositor thread hit-tested: the element under the point gets the DOM event. */
function onInput(m: CompositorToMain): void {
  tracer.slice(
    'WidgetInputHandler::DispatchEvent',
    () => {
      tracer.flow('t', FLOWS.input, m.inputId);
      dispatchInput(m);
    },
    { type: m.type, inputId: m.inputId },
  );
}

function dispatchInput(m: CompositorToMain): void {
  const tab = tabs.get(m.tabId);
  if (!tab?.view) return;
  const target: Element | undefined =
    tab.view.hitTest(m.layer, m.x, m.y) ?? findElement(tab.view.doc, (e) => e.tagName === 'body');
  const prevented =
    target && tab.scripts
      ? tab.scripts.dispatch(
          target,
          m.type === 'click'
            ? { type: 'click', clientX: m.x, clientY: m.y }
            : { type: 'wheel', clientX: m.viewportX, clientY: m.viewportY, deltaX: m.dx, deltaY: m.dy },
        )
      : false;
  if (m.type === 'wheel' && !prevented)
    return commit({
      type: 'scroll-by',
      tabId: m.tabId,
      x: m.viewportX,
      y: m.viewportY,
      dx: m.dx,
      dy: m.dy,
      inputId: m.inputId,
    });
  if (tab.dirty) tab.latency.push(m.inputId);
  else commit({ type: 'input-handled', tabId: m.tabId, inputId: m.inputId });
}

/**
 * Hidden: no main-thread frames, throttled timers; frozen: no timers, workers paused; shown: the
 * frame it missed, if anything changed.
 */
function setLifecycle(tabId: number, lifecycle: TabLifecycle): void {
  const tab = tabs.get(tabId);
  if (!tab || tab.lifecycle === lifecycle) return;
  tab.lifecycle = lifecycle;
  tab.scripts?.setLifecycle(lifecycle);
  const visible = lifecycle === 'visible';
  commit({ type: 'visibility', tabId, visible });
  if (visible && (tab.dirty || tab.frameRequested)) scheduleFrame();
}

function close(tabId: number): void {
  const tab = tabs.get(tabId);
  if (!tab) return;
  tab.closed = true;
  tab.scripts?.dispose();
  tabs.delete(tabId);
  commit({ type: 'close', tabId });
}

function sadPluginItems(w: number, h: number, reason: string) {
  const font = '13px "Minium Sans"';
  const text = (t: string, y: number, f = font, size = 13, color = '#5f6368') => ({
    op: 'text' as const,
    x: 12,
    y,
    w: measure(t, f),
    text: t,
    font: f,
    size,
    color,
  });
  return [
    { op: 'rect' as const, x: 0, y: 0, w, h, color: '#fce8e6' },
    { op: 'stroke' as const, x: 1, y: 1, w: w - 2, h: h - 2, color: '#d93025', width: 2 },
    text('Plugin crashed', 28, 'bold 16px "Minium Sans"', 16, '#a50e0e'),
    text(`reason: ${reason}`, 50),
    text('Reload the page to start it again.', 70),
  ];
}

compositor.on('message', onInput);

answerHeapRequests(parentPort!);
parentPort!.on('message', (m: ToMain) => {
  switch (m.type) {
    case 'open-tab': {
      close(m.tabId);
      const tab: Tab = {
        tabId: m.tabId,
        url: m.url,
        viewport: m.viewport,
        view: null,
        paint: null,
        scripts: null,
        dirty: false,
        frameRequested: false,
        latency: [],
        plugins: new Set(),
        pluginSurfaces: new Map(),
        deadPlugins: new Map(),
        closed: false,
        lifecycle: m.visible ? 'visible' : 'hidden',
      };
      tabs.set(m.tabId, tab);
      commit({ type: 'visibility', tabId: m.tabId, visible: m.visible });
      void fetchResource(m.tabId, m.url, 'document').then((result) => {
        if (!tab.closed) void load(tab, result.ok ? result.body : errorPage(tab.url, result.error));
      });
      break;
    }
    case 'resource': {
      const resolve = pendingFetches.get(m.requestId);
      pendingFetches.delete(m.requestId);
      resolve?.(m.result);
      break;
    }
    case 'close-tab':
      close(m.tabId);
      break;
    case 'tab-lifecycle':
      setLifecycle(m.tabId, m.lifecycle);
      break;
    case 'plugin-attached': {
      const tab = tabs.get(m.tabId);
      tab?.pluginSurfaces.set(m.instanceId, m.surfaceId);
      if (tab) invalidate(tab);
      break;
    }
    case 'plugin-gone': {
      const tab = tabs.get(m.tabId);
      if (!tab) break;
      tab.deadPlugins.set(m.instanceId, m.reason);
      toIo({ type: 'console', tabId: m.tabId, level: 'error', message: `a plugin stopped: ${m.reason}` });
      invalidate(tab);
      break;
    }
    case 'crash':
      crashThisThread(m.how, 'main');
      break;
    case 'ping':
      // Answered only when no script holds the thread: the hang monitor reads the silence.
      toIo({ type: 'pong', serial: m.serial });
      break;
  }
});
// V8 compiles on first use: a spare runs the pipeline once on a page of its own before saying it started.
if (warmUp) new FrameView(parseHtml(WARM_UP_PAGE), { w: 800, h: 600 }, measure, () => 0).update();
toIo({ type: 'started' });

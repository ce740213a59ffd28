/**
 * Renderer main thread (Blink's): asks for the page through the IO thread (the browser process
 * fetches it), parses and lays it out, paints display lists, commits them to the compositor
 * thread over their own channel, and runs the page's scripts. One main thread serves every tab
 * of the renderer's site.
 */
import { MessageChannel, parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { createCanvas } from '@napi-rs/canvas';
import { errorPage } from '../page/ErrorPage';
import { registerFonts } from '../page/Fonts';
import { type Element, type PagePaint, paintDocument, type ParsedDocument, parseDocument } from '../page/PageBuilder';
import { PageScripts } from '../script/PageScripts';
import type { Commit, FromMain, ResourceResult, ToMain } from '../threadMessages';
import { crashThisThread } from './crash';

registerFonts();
const measureCtx = createCanvas(1, 1).getContext('2d');
const measure = (text: string, font: string) => {
  measureCtx.font = font;
  return measureCtx.measureText(text).width;
};
const compositor = (workerData as { compositorPort: MessagePort }).compositorPort;
const toIo = (m: FromMain, transfer: MessagePort[] = []) => parentPort!.postMessage(m, transfer);
const commit = (c: Commit) => compositor.postMessage(c);

interface Document {
  tabId: number;
  url: string;
  viewport: { w: number; h: number };
  dom: ParsedDocument | null;
  paint: PagePaint | null;
  scripts: PageScripts | null;
  repaintTimer: NodeJS.Timeout | null;
  /** Plugin instance per <embed>, so a repaint keeps the running instance. */
  plugins: Map<Element, number>;
  /** What the browser said of each instance: its surface, or why its process is gone. */
  pluginSurfaces: Map<number, string>;
  deadPlugins: Map<number, string>;
  closed: boolean;
}
const documents = new Map<number, Document>();
const pendingFetches = new Map<number, (result: ResourceResult) => void>();
let requestSerial = 0;
let pluginSerial = 0;
let workerSerial = 0;

function fetchResource(tabId: number, url: string, destination: 'document' | 'script'): Promise<ResourceResult> {
  const requestId = ++requestSerial;
  return new Promise((resolve) => {
    pendingFetches.set(requestId, resolve);
    toIo({ type: 'fetch', requestId, tabId, url, destination });
  });
}

function paint(doc: Document): void {
  if (!doc.dom || doc.closed) return;
  const pluginId = (embed: Element) => doc.plugins.get(embed) ?? doc.plugins.set(embed, ++pluginSerial).get(embed)!;
  const fresh = paintDocument(doc.dom, doc.viewport, measure, pluginId);
  fresh.layers = fresh.layers.map((l) => {
    if (!l.plugin) return l;
    const dead = doc.deadPlugins.get(l.plugin.instanceId);
    // A crashed plugin's area shows a placeholder; the page itself lives on.
    if (dead) return { ...l, plugin: undefined, items: sadPluginItems(l.bounds.w, l.bounds.h, dead) };
    return { ...l, plugin: { ...l.plugin, surfaceId: doc.pluginSurfaces.get(l.plugin.instanceId) } };
  });
  const isFirst = !doc.paint;
  doc.paint = fresh;
  commit({ type: 'commit', tabId: doc.tabId, viewport: doc.viewport, page: fresh });
  if (!isFirst) return;
  toIo({ type: 'loaded', tabId: doc.tabId, title: fresh.title || doc.url });
  for (const layer of fresh.layers) {
    if (layer.plugin) toIo({ type: 'plugin-request', tabId: doc.tabId, instanceId: layer.plugin.instanceId, mimeType: layer.plugin.mimeType, size: { w: layer.bounds.w, h: layer.bounds.h } });
  }
}

async function load(doc: Document, html: string): Promise<void> {
  try {
    doc.dom = parseDocument(html);
  } catch (e) {
    doc.dom = parseDocument(errorPage(doc.url, `The page could not be built: ${e instanceof Error ? e.message : String(e)}`));
    return paint(doc);
  }
  paint(doc);
  await runScripts(doc);
}

async function runScripts(doc: Document): Promise<void> {
  const scripts = new PageScripts(doc.dom!, doc.url, {
    changed: () => {
      doc.repaintTimer ??= setTimeout(() => {
        doc.repaintTimer = null;
        paint(doc);
      }, 16);
    },
    console: (level, message) => toIo({ type: 'console', tabId: doc.tabId, level, message }),
    startWorker: (url, onMessage) => {
      const workerId = `worker-${++workerSerial}`;
      const { port1, port2 } = new MessageChannel();
      port1.on('message', (json: string) => onMessage(json));
      toIo({ type: 'start-worker', workerId, tabId: doc.tabId, url, port: port2 }, [port2]);
      return {
        post: (json) => port1.postMessage(json),
        stop: () => {
          port1.close();
          toIo({ type: 'stop-worker', workerId });
        },
      };
    },
  });
  doc.scripts = scripts;
  for (const [i, s] of scripts.scripts().entries()) {
    if (doc.closed) return;
    if (s.code !== undefined) {
      scripts.run(s.code, `${doc.url} (inline script ${i + 1})`);
      continue;
    }
    const url = new URL(s.src!, doc.url).href;
    const result = await fetchResource(doc.tabId, url, 'script');
    if (doc.closed) return;
    if (result.ok) scripts.run(result.body, url);
    else toIo({ type: 'console', tabId: doc.tabId, level: 'error', message: `could not load script ${url}: ${result.error}` });
  }
}

function close(tabId: number): void {
  const doc = documents.get(tabId);
  if (!doc) return;
  doc.closed = true;
  doc.scripts?.dispose();
  if (doc.repaintTimer) clearTimeout(doc.repaintTimer);
  documents.delete(tabId);
  commit({ type: 'close', tabId });
}

function sadPluginItems(w: number, h: number, reason: string) {
  const font = '13px "Minium Sans"';
  return [
    { op: 'rect' as const, x: 0, y: 0, w, h, color: '#fce8e6' },
    { op: 'stroke' as const, x: 1, y: 1, w: w - 2, h: h - 2, color: '#d93025', width: 2 },
    { op: 'text' as const, x: 12, y: 28, text: 'Plugin crashed', font: 'bold 16px "Minium Sans"', size: 16, color: '#a50e0e' },
    { op: 'text' as const, x: 12, y: 50, text: `reason: ${reason}`, font, size: 13, color: '#5f6368' },
    { op: 'text' as const, x: 12, y: 70, text: 'Reload the page to start it again.', font, size: 13, color: '#5f6368' },
  ];
}

parentPort!.on('message', (m: ToMain) => {
  switch (m.type) {
    case 'open-tab': {
      close(m.tabId);
      const doc: Document = { tabId: m.tabId, url: m.url, viewport: m.viewport, dom: null, paint: null, scripts: null, repaintTimer: null, plugins: new Map(), pluginSurfaces: new Map(), deadPlugins: new Map(), closed: false };
      documents.set(m.tabId, doc);
      void fetchResource(m.tabId, m.url, 'document').then((result) => {
        if (!doc.closed) void load(doc, result.ok ? result.body : errorPage(doc.url, result.error));
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
    case 'plugin-attached': {
      const doc = documents.get(m.tabId);
      doc?.pluginSurfaces.set(m.instanceId, m.surfaceId);
      if (doc) paint(doc);
      break;
    }
    case 'plugin-gone': {
      const doc = documents.get(m.tabId);
      doc?.deadPlugins.set(m.instanceId, m.reason);
      if (doc) paint(doc);
      break;
    }
    case 'crash':
      crashThisThread(m.how, 'main');
      break;
  }
});

/**
 * Renderer main thread (Blink's): asks for the page through the IO thread (the browser process
 * fetches it), parses and lays it out, paints display lists, and commits them to the compositor
 * thread over their own channel. One main thread serves every tab of the renderer's site.
 */
import { parentPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'node:worker_threads';
import { createCanvas } from '@napi-rs/canvas';
import { errorPage } from '../page/ErrorPage';
import { registerFonts } from '../page/Fonts';
import { buildPage, type PagePaint } from '../page/PageBuilder';
import type { Commit, FromMain, ToMain } from '../threadMessages';
import { crashThisThread } from './crash';

registerFonts();
const measureCtx = createCanvas(1, 1).getContext('2d');
const measure = (text: string, font: string) => {
  measureCtx.font = font;
  return measureCtx.measureText(text).width;
};
const compositor = (workerData as { compositorPort: MessagePort }).compositorPort;
const toIo = (m: FromMain) => parentPort!.postMessage(m);
const commit = (c: Commit) => compositor.postMessage(c);

interface Document {
  tabId: number;
  url: string;
  viewport: { w: number; h: number };
  paint: PagePaint | null;
}
const documents = new Map<number, Document>();
const pendingFetches = new Map<number, Document>();
let requestSerial = 0;
let pluginSerial = 0;

function load(doc: Document, html: string): void {
  let paint: PagePaint;
  try {
    paint = buildPage(html, doc.viewport, measure, () => ++pluginSerial);
  } catch (e) {
    paint = buildPage(errorPage(doc.url, `The page could not be laid out: ${e instanceof Error ? e.message : String(e)}`), doc.viewport, measure, () => ++pluginSerial);
  }
  doc.paint = paint;
  commit({ type: 'commit', tabId: doc.tabId, viewport: doc.viewport, page: paint });
  toIo({ type: 'loaded', tabId: doc.tabId, title: paint.title || doc.url });
  for (const layer of paint.layers) {
    if (layer.plugin) toIo({ type: 'plugin-request', tabId: doc.tabId, instanceId: layer.plugin.instanceId, mimeType: layer.plugin.mimeType, size: { w: layer.bounds.w, h: layer.bounds.h } });
  }
}

/** The browser started the plugin instance: its surface is drawn in the plugin layer from now on. */
function pluginAttached(tabId: number, instanceId: number, surfaceId: string): void {
  const doc = documents.get(tabId);
  if (!doc?.paint) return;
  doc.paint = { ...doc.paint, layers: doc.paint.layers.map((l) => (l.plugin?.instanceId === instanceId ? { ...l, plugin: { ...l.plugin, surfaceId } } : l)) };
  commit({ type: 'commit', tabId, viewport: doc.viewport, page: doc.paint });
}

/** The plugin's process is gone: its area shows a placeholder; the page itself lives on. */
function pluginGone(tabId: number, instanceId: number, reason: string): void {
  const doc = documents.get(tabId);
  const layer = doc?.paint?.layers.find((l) => l.plugin?.instanceId === instanceId);
  if (!doc?.paint || !layer) return;
  const { w, h } = layer.bounds;
  const sad = { ...layer, plugin: undefined, items: sadPluginItems(w, h, reason) };
  doc.paint = { ...doc.paint, layers: doc.paint.layers.map((l) => (l === layer ? sad : l)) };
  commit({ type: 'commit', tabId, viewport: doc.viewport, page: doc.paint });
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
      const doc: Document = { tabId: m.tabId, url: m.url, viewport: m.viewport, paint: null };
      documents.set(m.tabId, doc);
      const requestId = ++requestSerial;
      pendingFetches.set(requestId, doc);
      toIo({ type: 'fetch', requestId, tabId: m.tabId, url: m.url });
      break;
    }
    case 'resource': {
      const doc = pendingFetches.get(m.requestId);
      pendingFetches.delete(m.requestId);
      if (!doc || documents.get(doc.tabId) !== doc) break; // closed or navigated meanwhile
      load(doc, m.result.ok ? m.result.body : errorPage(doc.url, m.result.error));
      break;
    }
    case 'close-tab':
      documents.delete(m.tabId);
      commit({ type: 'close', tabId: m.tabId });
      break;
    case 'plugin-attached':
      pluginAttached(m.tabId, m.instanceId, m.surfaceId);
      break;
    case 'plugin-gone':
      pluginGone(m.tabId, m.instanceId, m.reason);
      break;
    case 'crash':
      crashThisThread(m.how, 'main');
      break;
  }
});

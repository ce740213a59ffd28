/**
 * The main thread's document work, small: parse HTML with a real parser (parse5, as forgiving
 * as a browser's), lay blocks of text out top to bottom, and paint them into display lists, one
 * per layer. Elements with a CSS animation get a layer of their own, which the compositor thread
 * animates without the main thread; an <embed> of a plugin type becomes a plugin layer.
 * Traversal is iterative, so 100 000 nested elements cannot overflow the stack.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { Rect } from '../../../common/geometry';
import type { DisplayItem } from './DisplayList';
import { fontString } from './Fonts';
import { type BoxStyle, parseInlineStyle } from './InlineStyle';
import { assertBuildable } from './NestingGuard';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface LayerData {
  id: number;
  bounds: Rect;
  items: DisplayItem[];
  animation?: { name: string; durationMs: number };
  /** Set on a plugin layer: the plugin instance's surface is drawn here. */
  plugin?: { instanceId: number; mimeType: string; surfaceId?: string };
}

export interface PagePaint {
  title: string;
  background: string;
  layers: LayerData[];
}

export type Measure = (text: string, font: string) => number;

const MARGIN = 24;
const SKIPPED = new Set(['head', 'script', 'style', 'title', 'template', 'noscript', 'iframe']);
const BLOCKS = new Set(['html', 'body', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'section', 'article', 'header', 'footer', 'main', 'nav', 'blockquote', 'pre', 'figure', 'table', 'tr']);
const TAG_STYLE: Record<string, { size: number; bold: boolean; gap: number }> = {
  h1: { size: 30, bold: true, gap: 14 },
  h2: { size: 22, bold: true, gap: 10 },
  h3: { size: 18, bold: true, gap: 8 },
  h4: { size: 16, bold: true, gap: 6 },
  p: { size: 16, bold: false, gap: 10 },
  li: { size: 16, bold: false, gap: 4 },
  pre: { size: 14, bold: false, gap: 10 },
};
const MAX_NODES = 250_000;
export const PLUGIN_TYPE_PREFIX = 'application/x-minium-';

interface Frame {
  el: Element;
  next: number;
  text: string;
  color: string;
  size: number;
  bold: boolean;
  x: number;
  width: number;
  bullet: boolean;
  bg: DisplayItem | null;
  startY: number;
  padding: number;
}

export type ParsedDocument = DefaultTreeAdapterMap['document'];
export type { Element };

/** Parses HTML as a browser does, after checking it can be built in reasonable time. */
export function parseDocument(html: string): ParsedDocument {
  assertBuildable(html);
  return parse(html);
}

export function buildPage(html: string, viewport: { w: number; h: number }, measure: Measure, pluginInstanceId: (embed: Element) => number): PagePaint {
  return paintDocument(parseDocument(html), viewport, measure, pluginInstanceId);
}

/**
 * Lays out and paints a parsed document. The plugin id callback is given the <embed> element,
 * so that repainting after a script's change keeps the same plugin instance.
 */
export function paintDocument(doc: ParsedDocument, viewport: { w: number; h: number }, measure: Measure, pluginInstanceId: (embed: Element) => number): PagePaint {
  const htmlEl = findChild(doc, 'html');
  const body = htmlEl && findChild(htmlEl, 'body');
  const head = htmlEl && findChild(htmlEl, 'head');
  const titleEl = head && findChild(head, 'title');
  const title = (titleEl ? textOf(titleEl) : '').replace(/\s+/g, ' ').trim().slice(0, 200);
  const bodyStyle = parseInlineStyle(body && attr(body, 'style'));
  const root: LayerData = { id: 0, bounds: { x: 0, y: 0, w: viewport.w, h: viewport.h }, items: [] };
  const layers: LayerData[] = [root];
  const page: PagePaint = { title, background: bodyStyle.background ?? '#ffffff', layers };
  if (!body) return page;

  let y = MARGIN;
  let visited = 0;
  const full = () => y > viewport.h; // nothing below the viewport is visible until scrolling lands

  const frame = (el: Element, parent: Frame | null): Frame => {
    const s = parseInlineStyle(attr(el, 'style'));
    const tag = TAG_STYLE[el.tagName];
    const padding = s.padding ?? (s.background && parent ? 8 : 0);
    const f: Frame = {
      el,
      next: 0,
      text: '',
      color: s.color ?? parent?.color ?? '#202124',
      size: s.fontSize ?? tag?.size ?? parent?.size ?? 16,
      bold: s.bold ?? tag?.bold ?? parent?.bold ?? false,
      x: (parent?.x ?? MARGIN) + padding + (el.tagName === 'li' ? 18 : 0),
      width: (parent?.width ?? viewport.w - 2 * MARGIN) - 2 * padding - (el.tagName === 'li' ? 18 : 0),
      bullet: el.tagName === 'li',
      bg: null,
      startY: y,
      padding,
    };
    if (s.background && parent) {
      f.bg = { op: 'rect', x: f.x - padding, y, w: f.width + 2 * padding, h: 0, color: s.background, radius: s.radius };
      root.items.push(f.bg);
      y += padding;
    }
    return f;
  };

  const flush = (f: Frame) => {
    const text = f.text.replace(/\s+/g, ' ').trim();
    f.text = '';
    if (!text || full()) return;
    const font = fontString(f.size, f.bold);
    const lineHeight = Math.round(f.size * 1.4);
    for (const line of wrap(text, f.width, font, measure)) {
      if (full()) break;
      y += lineHeight;
      root.items.push({ op: 'text', x: f.x, y: y - Math.round(f.size * 0.35), text: line, font, size: f.size, color: f.color });
    }
    if (f.bullet) root.items.push({ op: 'rect', x: f.x - 13, y: y - lineHeight + f.size * 0.45, w: 6, h: 6, color: f.color, radius: 3 });
    y += TAG_STYLE[f.el.tagName]?.gap ?? 0;
  };

  const special = (el: Element, parent: Frame, s: BoxStyle) => {
    const type = attr(el, 'type') ?? '';
    const isPlugin = (el.tagName === 'embed' || el.tagName === 'object') && type.startsWith(PLUGIN_TYPE_PREFIX);
    const w = Math.min(clampInt(s.width ?? Number(attr(el, 'width')), 120), parent.width);
    const h = clampInt(s.height ?? Number(attr(el, 'height')), 120);
    const bounds = { x: parent.x, y: y, w, h };
    if (isPlugin) {
      const instanceId = pluginInstanceId(el);
      root.items.push({ op: 'rect', ...bounds, color: '#e8eaed' });
      root.items.push({ op: 'text', x: bounds.x + 12, y: bounds.y + 24, text: "Loading plugin…", font: fontString(13, false), size: 13, color: '#5f6368' });
      layers.push({ id: layers.length, bounds, items: [], plugin: { instanceId, mimeType: type } });
    } else if (s.animation) {
      const items: DisplayItem[] = [{ op: 'rect', x: 0, y: 0, w, h, color: s.background ?? '#1a73e8', radius: s.radius }];
      const label = textOf(el).replace(/\s+/g, ' ').trim();
      if (label) {
        const size = s.fontSize ?? 16;
        const font = fontString(size, true);
        const tw = measure(label, font);
        items.push({ op: 'text', x: Math.max(4, (w - tw) / 2), y: h / 2 + size * 0.35, text: label, font, size, color: s.color ?? '#ffffff' });
      }
      layers.push({ id: layers.length, bounds, items, animation: s.animation });
    }
    y += h + 12;
  };

  const stack: Frame[] = [frame(body, null)];
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    if (f.next >= f.el.childNodes.length || full() || ++visited > MAX_NODES) {
      flush(f);
      if (f.bg) {
        y += f.padding;
        (f.bg as { h: number }).h = y - f.startY;
        y += 8;
      }
      stack.pop();
      continue;
    }
    const child: Node = f.el.childNodes[f.next++];
    if (child.nodeName === '#text') {
      f.text += (child as DefaultTreeAdapterMap['textNode']).value;
      continue;
    }
    if (!('tagName' in child) || SKIPPED.has(child.tagName)) continue;
    const s = parseInlineStyle(attr(child, 'style'));
    if (s.animation || child.tagName === 'embed' || child.tagName === 'object') {
      flush(f);
      special(child, f, s);
    } else if (BLOCKS.has(child.tagName)) {
      flush(f);
      stack.push(frame(child, f));
    } else if (child.tagName === 'br') {
      flush(f);
    } else {
      f.text += textOf(child);
    }
  }
  return page;
}

function wrap(text: string, width: number, font: string, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, font) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function clampInt(n: number, fallback: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.round(n), 2000) : fallback;
}

function findChild(parent: { childNodes: Node[] }, tag: string): Element | undefined {
  return parent.childNodes.find((n): n is Element => 'tagName' in n && n.tagName === tag);
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** Text content, iteratively, capped so that a huge inline subtree cannot stall the thread. */
function textOf(el: Element): string {
  let out = '';
  const stack: Node[] = [...el.childNodes].reverse();
  while (stack.length && out.length < 100_000) {
    const n = stack.pop()!;
    if (n.nodeName === '#text') out += (n as DefaultTreeAdapterMap['textNode']).value;
    else if ('tagName' in n && !SKIPPED.has(n.tagName)) for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]);
  }
  return out;
}

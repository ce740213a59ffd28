/** Small SVG helpers for the architecture view: create, reuse by key, text, and figures' number formats. */
import type { Flow } from '../../../src/common/controlApi';

const NS = 'http://www.w3.org/2000/svg';
type Attrs = Record<string, string | number | undefined>;

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (SVGElement | string)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  set(el, attrs);
  for (const c of children) el.append(c);
  return el;
}

export function set(el: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, String(v));
}

/** The child of `parent` with this key, created on first use: kept across refreshes so transitions run. */
export function keyed<E extends SVGElement>(parent: Element, key: string, create: () => E): E {
  for (const c of parent.children) if ((c as SVGElement).dataset.key === key) return c as E;
  const el = create();
  el.dataset.key = key;
  parent.append(el);
  return el;
}

/** Removes the keyed children of `parent` whose key is not in `keep`. */
export function prune(parent: Element, keep: ReadonlySet<string>): void {
  for (const c of [...parent.children]) {
    const key = (c as SVGElement).dataset.key;
    if (key !== undefined && !keep.has(key)) c.remove();
  }
}

export function label(x: number, y: number, content: string, cls: string, attrs: Attrs = {}): SVGTextElement {
  return svg('text', { x, y, class: cls, ...attrs }, content);
}

/** The text child of `parent` with this key, created on first use, then placed and worded anew. */
export function keyedLabel(
  parent: Element,
  key: string,
  x: number,
  y: number,
  content: string,
  cls: string,
  attrs: Attrs = {},
): SVGTextElement {
  const el = keyed(parent, key, () => svg('text'));
  set(el, { x, y, class: cls, ...attrs });
  if (el.textContent !== content) el.textContent = content;
  return el;
}

/** Cuts a label to `max` characters, with an ellipsis. */
export function fit(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function bytes(n: number): string {
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(1)} GiB`;
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(n >= 10 << 20 ? 0 : 1)} MiB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(n >= 10 << 10 ? 0 : 1)} KiB`;
  return `${Math.round(n)} B`;
}

/** "56 msg/s" */
export function messages(f: Flow | undefined): string {
  const m = f?.messagesPerSecond ?? 0;
  return `${m >= 10 ? Math.round(m) : m.toFixed(1)} msg/s`;
}

/** "56 msg/s · 35 KiB/s" */
export function rate(f: Flow | undefined): string {
  if (!f) return '';
  return `${messages(f)} · ${bytes(f.bytesPerSecond)}/s`;
}

/** Seconds one dash takes to travel its length: faster for more messages, still when there are none. */
export function flowDuration(f: Flow | undefined): string | null {
  const m = f?.messagesPerSecond ?? 0;
  if (m <= 0.05) return null;
  return `${Math.min(4, Math.max(0.25, 6 / m)).toFixed(2)}s`;
}

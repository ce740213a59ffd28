/**
 * The host side of a document's scripts on the main thread: runs its <script>s in their own
 * context, answers their DOM calls against the parsed document, dispatches input events to
 * them, and starts dedicated workers (each a real thread, started by the IO thread). A DOM
 * change asks for a new frame.
 */
import { parseFragment, serialize } from 'parse5';
import { parseDeclarations } from '../page/css/CssParser';
import { matches, parseSelectorList } from '../page/css/Selectors';
import {
  attr,
  type Document,
  type Element,
  elements,
  findElement,
  isElement,
  parentElement,
  type ParentNode,
  setAttr,
  setTextContent,
  textContent,
} from '../page/dom/Dom';
import { PAGE_ENVIRONMENT } from './environments';
import type { TabLifecycle } from '../threadMessages';
import { type HostValue, type Primitive, ScriptContext } from './ScriptContext';
import type { WakeUps } from './ScriptTimers';

const WAKE_UPS: Record<TabLifecycle, WakeUps> = { visible: 'when-due', hidden: 'once-a-second', frozen: 'never' };

export interface WorkerLink {
  post(json: string): void;
  /** Freezes the worker with its page (its timers and messages wait), or resumes it. */
  setFrozen(frozen: boolean): void;
  stop(): void;
}

export interface PageScriptHost {
  /** The document changed: style, layout and paint again at the next frame. */
  changed(): void;
  /** A script asked for requestAnimationFrame. */
  frameRequested(): void;
  console(level: 'log' | 'info' | 'warn' | 'error', message: string): void;
  /** Starts a dedicated worker for a script URL; its messages come back through onMessage. */
  startWorker(url: string, onMessage: (json: string) => void): WorkerLink;
}

export interface DomEvent {
  type: 'click' | 'wheel';
  clientX: number;
  clientY: number;
  deltaX?: number;
  deltaY?: number;
}

const MAX_WORKERS = 8;
const MAX_HTML = 5_000_000;
const DOCUMENT = -1;

export class PageScripts {
  private readonly context: ScriptContext;
  private readonly handles: Element[] = [];
  private readonly handleOf = new Map<Element, number>();
  private readonly workers = new Map<number, WorkerLink>();
  private nextWorker = 0;
  private lifecycle: TabLifecycle = 'visible';
  /** Event types some script listens for: a wheel listener makes the compositor ask before scrolling. */
  readonly listening = new Set<string>();

  constructor(
    private readonly doc: Document,
    private readonly baseUrl: string,
    private readonly host: PageScriptHost,
  ) {
    const el = (h: Primitive) => this.element(h);
    this.context = new ScriptContext(
      PAGE_ENVIRONMENT,
      {
        console: (level, message) =>
          host.console(level === 'info' || level === 'warn' || level === 'error' ? level : 'log', String(message)),
        reportError: (message) => host.console('error', `Uncaught ${String(message)}`),
        getElementById: (id) => this.handle(findElement(doc, (e) => attr(e, 'id') === String(id))),
        querySelector: (scope, sel) => this.handle(this.query(scope, String(sel), true)[0]),
        querySelectorAll: (scope, sel) => this.query(scope, String(sel), false).map((e) => this.handle(e)),
        getAttr: (h, name) => attr(el(h), String(name)) ?? null,
        setAttr: (h, name, value) =>
          this.mutate(() => setAttr(el(h), String(name).toLowerCase(), value === null ? null : String(value))),
        tagName: (h) => el(h).tagName.toUpperCase(),
        getText: (h) => textContent(el(h)),
        setText: (h, value) => this.mutate(() => setTextContent(el(h), String(value))),
        getHTML: (h) => serialize(el(h)),
        setHTML: (h, html) => this.mutate(() => setInnerHtml(el(h), String(html))),
        getStyle: (h, prop) => inlineStyle(el(h)).get(String(prop)) ?? '',
        setStyle: (h, prop, value) => this.mutate(() => setInlineStyle(el(h), String(prop), String(value))),
        parent: (h) => this.handle(parentElement(el(h)) ?? undefined),
        children: (h) =>
          el(h)
            .childNodes.filter(isElement)
            .map((c) => this.handle(c)),
        path: (h) => this.path(el(h)),
        getTitle: () => {
          const title = findElement(doc, (e) => e.tagName === 'title');
          return title ? textContent(title) : '';
        },
        listen: (type) => this.setListening(String(type), true),
        unlisten: (type) => this.setListening(String(type), false),
        requestFrame: () => host.frameRequested(),
        startWorker: (url) => this.startWorker(String(url)),
        postToWorker: (id, json) => this.workers.get(id as number)?.post(String(json)),
        stopWorker: (id) => {
          this.workers.get(id as number)?.stop();
          this.workers.delete(id as number);
        },
      },
      (message) => host.console('error', message),
    );
  }

  /** The document's classic scripts, in order: inline text, or a URL to fetch. */
  scripts(): { code?: string; src?: string }[] {
    const out: { code?: string; src?: string }[] = [];
    for (const el of elements(this.doc)) {
      if (el.tagName !== 'script') continue;
      const type = attr(el, 'type');
      if (type && !/^(text|application)\/(javascript|ecmascript)$/i.test(type)) continue;
      const src = attr(el, 'src');
      out.push(src ? { src } : { code: textContent(el) });
    }
    return out;
  }

  run(code: string, name: string): void {
    this.context.run(code, name);
  }

  /** Runs the requestAnimationFrame callbacks due at this frame. */
  animationFrame(now: number): void {
    this.context.deliver('frame', 0, JSON.stringify(now));
  }

  /**
   * A hidden tab's timers wake at most once a second, aligned (Chromium's background throttling);
   * a frozen tab's never, and its workers pause with it; shown, timers run when due.
   */
  setLifecycle(lifecycle: TabLifecycle): void {
    this.lifecycle = lifecycle;
    this.context.timers.setWakeUps(WAKE_UPS[lifecycle]);
    for (const w of this.workers.values()) w.setFrozen(lifecycle === 'frozen');
  }

  /** Dispatches an input event at an element; returns true if a listener prevented its default action. */
  dispatch(target: Element, e: DomEvent): boolean {
    return this.context.deliver('event', 0, JSON.stringify({ ...e, path: this.path(target) }));
  }

  dispose(): void {
    this.context.dispose();
    for (const w of this.workers.values()) w.stop();
    this.workers.clear();
  }

  /** Whether the page listens for wheel events changes how the compositor scrolls: commit it. */
  private setListening(type: string, on: boolean): void {
    if (on === this.listening.has(type)) return;
    if (on) this.listening.add(type);
    else this.listening.delete(type);
    if (type === 'wheel') this.host.changed();
  }

  private mutate(change: () => void): void {
    change();
    this.host.changed();
  }

  private handle(el: Element | undefined): number | null {
    if (!el) return null;
    let h = this.handleOf.get(el);
    if (h === undefined) {
      h = this.handles.push(el) - 1;
      this.handleOf.set(el, h);
    }
    return h;
  }

  private element(h: Primitive): Element {
    const el = typeof h === 'number' ? this.handles[h] : undefined;
    if (!el) throw new Error('that element handle is not valid');
    return el;
  }

  /** The target and its ancestors, as handles: the event's propagation path. */
  private path(el: Element): number[] {
    const out: number[] = [];
    for (let e: Element | null = el; e; e = parentElement(e)) out.push(this.handle(e)!);
    return out;
  }

  private query(scope: Primitive, selector: string, first: boolean): Element[] {
    const selectors = parseSelectorList(selector);
    if (!selectors) throw new Error(`'${selector.slice(0, 100)}' is not a valid selector`);
    const root: ParentNode = scope === DOCUMENT ? this.doc : this.element(scope);
    const found: Element[] = [];
    for (const el of elements(root)) {
      if (!selectors.some((s) => matches(el, s))) continue;
      found.push(el);
      if (first) break;
    }
    return found;
  }

  private startWorker(url: string): HostValue {
    if (this.workers.size >= MAX_WORKERS) throw new Error(`a page may run at most ${MAX_WORKERS} workers`);
    const resolved = new URL(url, this.baseUrl).href;
    const id = ++this.nextWorker;
    const link = this.host.startWorker(resolved, (json) => this.context.deliver('message', id, json));
    if (this.lifecycle === 'frozen') link.setFrozen(true); // a frozen page's new worker starts frozen
    this.workers.set(id, link);
    return id;
  }
}

function inlineStyle(el: Element): Map<string, string> {
  return new Map(
    parseDeclarations(attr(el, 'style') ?? '').map((d) => [d.property, d.value + (d.important ? ' !important' : '')]),
  );
}

function setInlineStyle(el: Element, prop: string, value: string): void {
  const decls = inlineStyle(el);
  if (value === '') decls.delete(prop);
  else decls.set(prop, value.replace(/[;{}]/g, ''));
  setAttr(el, 'style', [...decls].map(([p, v]) => `${p}: ${v}`).join('; ') || null);
}

function setInnerHtml(el: Element, html: string): void {
  if (html.length > MAX_HTML)
    throw new Error(`innerHTML of ${html.length} characters is more than Minium takes (${MAX_HTML})`);
  const fragment = parseFragment(html);
  for (const child of el.childNodes) (child as { parentNode: unknown }).parentNode = null;
  el.childNodes = fragment.childNodes;
  for (const child of el.childNodes) (child as { parentNode: unknown }).parentNode = el;
}

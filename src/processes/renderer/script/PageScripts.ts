/**
 * The host side of a document's scripts on the main thread: runs its <script>s in their own
 * context, answers their DOM calls against the parsed document, and starts dedicated workers
 * (each a real thread, started by the IO thread). A DOM change asks for a repaint.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import type { Element, ParsedDocument } from '../page/PageBuilder';
import { PAGE_ENVIRONMENT } from './environments';
import { type Primitive, ScriptContext } from './ScriptContext';

type Node = DefaultTreeAdapterMap['node'];

export interface WorkerLink {
  post(json: string): void;
  stop(): void;
}

export interface PageScriptHost {
  changed(): void;
  console(level: string, message: string): void;
  /** Starts a dedicated worker for a script URL; its messages come back through onMessage. */
  startWorker(url: string, onMessage: (json: string) => void): WorkerLink;
}

const MAX_WORKERS = 8;

export class PageScripts {
  private readonly context: ScriptContext;
  private readonly handles: Element[] = [];
  private readonly workers = new Map<number, WorkerLink>();
  private nextWorker = 0;

  constructor(
    private readonly doc: ParsedDocument,
    private readonly baseUrl: string,
    private readonly host: PageScriptHost,
  ) {
    this.context = new ScriptContext(
      PAGE_ENVIRONMENT,
      {
        console: (level, message) => host.console(String(level), String(message)),
        getElementById: (id) => this.handle(findById(doc, String(id))),
        getAttr: (h, name) => this.element(h).attrs.find((a) => a.name === name)?.value ?? null,
        getText: (h) => textContent(this.element(h)),
        setText: (h, value) => this.setText(this.element(h), String(value)),
        getTitle: () => (findFirst(doc, 'title') ? textContent(findFirst(doc, 'title')!) : ''),
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
    walk(this.doc, (el) => {
      if (el.tagName !== 'script') return;
      const type = el.attrs.find((a) => a.name === 'type')?.value;
      if (type && !/^(text|application)\/(javascript|ecmascript)$/i.test(type)) return;
      const src = el.attrs.find((a) => a.name === 'src')?.value;
      out.push(src ? { src } : { code: textContent(el) });
    });
    return out;
  }

  run(code: string, name: string): void {
    this.context.run(code, name);
  }

  dispose(): void {
    this.context.dispose();
    for (const w of this.workers.values()) w.stop();
    this.workers.clear();
  }

  private handle(el: Element | undefined): Primitive {
    if (!el) return null;
    const existing = this.handles.indexOf(el);
    if (existing >= 0) return existing;
    this.handles.push(el);
    return this.handles.length - 1;
  }

  private element(h: Primitive): Element {
    const el = this.handles[h as number];
    if (!el) throw new Error('that element handle is not valid');
    return el;
  }

  private setText(el: Element, value: string): void {
    el.childNodes = [{ nodeName: '#text', value, parentNode: el } as DefaultTreeAdapterMap['textNode']];
    this.host.changed();
  }

  private startWorker(url: string): number {
    if (this.workers.size >= MAX_WORKERS) throw new Error(`a page may run at most ${MAX_WORKERS} workers`);
    const resolved = new URL(url, this.baseUrl).href;
    const id = ++this.nextWorker;
    this.workers.set(id, this.host.startWorker(resolved, (json) => this.context.deliver('message', id, json)));
    return id;
  }
}

function walk(root: { childNodes: Node[] }, visit: (el: Element) => void): void {
  const stack: Node[] = [...root.childNodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!('tagName' in n)) continue;
    visit(n);
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]);
  }
}

function findById(doc: ParsedDocument, id: string): Element | undefined {
  let found: Element | undefined;
  walk(doc, (el) => {
    if (!found && el.attrs.some((a) => a.name === 'id' && a.value === id)) found = el;
  });
  return found;
}

function findFirst(doc: ParsedDocument, tag: string): Element | undefined {
  let found: Element | undefined;
  walk(doc, (el) => {
    if (!found && el.tagName === tag) found = el;
  });
  return found;
}

function textContent(el: Element): string {
  let out = '';
  const stack: Node[] = [...el.childNodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeName === '#text') out += (n as DefaultTreeAdapterMap['textNode']).value;
    else if ('childNodes' in n) for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]);
  }
  return out;
}

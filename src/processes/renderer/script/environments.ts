/**
 * The APIs that page scripts and worker scripts see, written as code that runs inside their own
 * context (see ScriptContext for why): a small slice of the web platform over element handles
 * that the host resolves against the real document tree.
 */
export const PAGE_ENVIRONMENT = `
  const DOCUMENT = -1;
  const WINDOW = -2;
  const listeners = new Map(); // handle -> Map(type -> [fn])
  const wrappers = new Map();
  const kebab = (p) => String(p).replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
  const reportError = (e) => call('reportError', e && e.message ? String(e.message) : String(e));

  const eventTarget = (handle) => ({
    addEventListener(type, fn) {
      if (typeof fn !== 'function') return;
      const byType = listeners.get(handle) || new Map();
      listeners.set(handle, byType);
      const list = byType.get(type) || [];
      byType.set(type, list);
      if (!list.includes(fn)) list.push(fn);
      call('listen', String(type));
    },
    removeEventListener(type, fn) {
      const list = listeners.get(handle)?.get(type);
      if (list && list.includes(fn)) list.splice(list.indexOf(fn), 1);
      if (![...listeners.values()].some((m) => m.get(type)?.length)) call('unlisten', String(type));
    },
  });

  const element = (handle) => {
    if (handle === null || handle === undefined) return null;
    if (wrappers.has(handle)) return wrappers.get(handle);
    const style = new Proxy({}, {
      get: (_, p) => {
        if (typeof p !== 'string') return undefined;
        return p === 'cssText' ? call('getAttr', handle, 'style') || '' : call('getStyle', handle, kebab(p));
      },
      set: (_, p, v) => {
        if (p === 'cssText') call('setAttr', handle, 'style', String(v));
        else call('setStyle', handle, kebab(p), String(v));
        return true;
      },
    });
    const classes = () => (call('getAttr', handle, 'class') || '').split(/\\s+/).filter(Boolean);
    const setClasses = (list) => call('setAttr', handle, 'class', list.join(' '));
    const classList = {
      add: (...names) => setClasses([...new Set([...classes(), ...names.map(String)])]),
      remove: (...names) => setClasses(classes().filter((c) => !names.map(String).includes(c))),
      toggle: (name, force) => {
        const has = classes().includes(String(name));
        const want = force === undefined ? !has : !!force;
        if (want !== has) (want ? classList.add : classList.remove)(name);
        return want;
      },
      contains: (name) => classes().includes(String(name)),
      get length() { return classes().length; },
    };
    const el = {
      ...eventTarget(handle),
      get id() { return call('getAttr', handle, 'id') || ''; },
      set id(v) { call('setAttr', handle, 'id', String(v)); },
      get tagName() { return call('tagName', handle); },
      get textContent() { return call('getText', handle); },
      set textContent(v) { call('setText', handle, String(v)); },
      get innerText() { return call('getText', handle); },
      set innerText(v) { call('setText', handle, String(v)); },
      get innerHTML() { return call('getHTML', handle); },
      set innerHTML(v) { call('setHTML', handle, String(v)); },
      get className() { return call('getAttr', handle, 'class') || ''; },
      set className(v) { call('setAttr', handle, 'class', String(v)); },
      get classList() { return classList; },
      get style() { return style; },
      get parentElement() { return element(call('parent', handle)); },
      get children() { return call('children', handle).map(element); },
      getAttribute: (name) => call('getAttr', handle, String(name)),
      setAttribute: (name, value) => call('setAttr', handle, String(name), String(value)),
      removeAttribute: (name) => call('setAttr', handle, String(name), null),
      querySelector: (sel) => element(call('querySelector', handle, String(sel))),
      querySelectorAll: (sel) => call('querySelectorAll', handle, String(sel)).map(element),
      get onclick() { return null; },
      set onclick(fn) { el.addEventListener('click', fn); },
      click: () => dispatch({ type: 'click', path: call('path', handle) }),
    };
    wrappers.set(handle, el);
    return el;
  };

  globalThis.window = globalThis;
  Object.assign(globalThis, eventTarget(WINDOW));
  globalThis.document = {
    ...eventTarget(DOCUMENT),
    getElementById: (id) => element(call('getElementById', String(id))),
    querySelector: (sel) => element(call('querySelector', DOCUMENT, String(sel))),
    querySelectorAll: (sel) => call('querySelectorAll', DOCUMENT, String(sel)).map(element),
    get body() { return element(call('querySelector', DOCUMENT, 'body')); },
    get documentElement() { return element(call('querySelector', DOCUMENT, 'html')); },
    get title() { return call('getTitle'); },
  };
  globalThis.performance = { now: () => call('now') };

  const frameCallbacks = new Map();
  let nextFrame = 0;
  globalThis.requestAnimationFrame = (fn) => {
    if (typeof fn !== 'function') throw new TypeError('requestAnimationFrame needs a function');
    frameCallbacks.set(++nextFrame, fn);
    call('requestFrame');
    return nextFrame;
  };
  globalThis.cancelAnimationFrame = (id) => frameCallbacks.delete(id);
  handlers.frame = (_id, now) => {
    const due = [...frameCallbacks.values()];
    frameCallbacks.clear();
    for (const fn of due) { try { fn(now); } catch (e) { reportError(e); } }
  };

  // An event goes from the target up to the document and the window, as in the bubble phase.
  const dispatch = (e) => {
    let stopped = false;
    let prevented = false;
    const event = {
      type: e.type, clientX: e.clientX, clientY: e.clientY, deltaX: e.deltaX, deltaY: e.deltaY,
      target: element(e.path[0]), currentTarget: null, timeStamp: call('now'),
      preventDefault() { prevented = true; },
      stopPropagation() { stopped = true; },
      get defaultPrevented() { return prevented; },
    };
    for (const handle of [...e.path, DOCUMENT, WINDOW]) {
      event.currentTarget = handle === WINDOW ? globalThis : handle === DOCUMENT ? document : element(handle);
      const inline = handle >= 0 ? call('getAttr', handle, 'on' + e.type) : null;
      const fns = [...(listeners.get(handle)?.get(e.type) || [])];
      if (inline) { try { fns.push(new Function('event', inline)); } catch (err) { reportError(err); } }
      for (const fn of fns) { try { fn.call(event.currentTarget, event); } catch (err) { reportError(err); } }
      if (stopped) break;
    }
    return prevented;
  };
  handlers.event = (_id, e) => dispatch(e);

  const workers = new Map();
  globalThis.Worker = class Worker {
    constructor(url) {
      this.onmessage = null;
      this.listeners = [];
      this.id = call('startWorker', String(url));
      workers.set(this.id, this);
    }
    addEventListener(type, fn) { if (type === 'message' && typeof fn === 'function') this.listeners.push(fn); }
    postMessage(data) { call('postToWorker', this.id, JSON.stringify(data === undefined ? null : data)); }
    terminate() { workers.delete(this.id); call('stopWorker', this.id); }
  };
  handlers.message = (id, data) => {
    const w = workers.get(id);
    if (!w) return;
    const fns = [...w.listeners, ...(typeof w.onmessage === 'function' ? [w.onmessage] : [])];
    for (const fn of fns) { try { fn.call(w, { data }); } catch (e) { reportError(e); } }
  };
`;

export const WORKER_ENVIRONMENT = `
  globalThis.self = globalThis;
  globalThis.performance = { now: () => call('now') };
  globalThis.postMessage = (data) => call('postToPage', JSON.stringify(data === undefined ? null : data));
  handlers.message = (_id, data) => {
    if (typeof globalThis.onmessage === 'function') globalThis.onmessage({ data });
  };
`;

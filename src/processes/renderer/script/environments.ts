/**
 * The APIs that page scripts and worker scripts see, written as code that runs inside their own
 * context (see ScriptContext for why). A small slice of the web platform, growing with the
 * rendering-pipeline work.
 */
export const PAGE_ENVIRONMENT = `
  const element = (handle) => ({
    get id() { return call('getAttr', handle, 'id'); },
    get textContent() { return call('getText', handle); },
    set textContent(v) { call('setText', handle, String(v)); },
  });
  globalThis.window = globalThis;
  globalThis.document = {
    getElementById(id) { const h = call('getElementById', String(id)); return h === null ? null : element(h); },
    get title() { return call('getTitle'); },
  };
  const workers = new Map();
  globalThis.Worker = class Worker {
    constructor(url) {
      this.onmessage = null;
      this.id = call('startWorker', String(url));
      workers.set(this.id, this);
    }
    postMessage(data) { call('postToWorker', this.id, JSON.stringify(data === undefined ? null : data)); }
    terminate() { workers.delete(this.id); call('stopWorker', this.id); }
  };
  handlers.message = (id, data) => {
    const w = workers.get(id);
    if (w && typeof w.onmessage === 'function') w.onmessage({ data });
  };
`;

export const WORKER_ENVIRONMENT = `
  globalThis.self = globalThis;
  globalThis.postMessage = (data) => call('postToPage', JSON.stringify(data === undefined ? null : data));
  handlers.message = (_id, data) => {
    if (typeof globalThis.onmessage === 'function') globalThis.onmessage({ data });
  };
`;

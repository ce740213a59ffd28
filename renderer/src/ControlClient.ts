/**
 * How the UI reaches the browser kernel: through the Electron preload's bridge when it is there,
 * else the web shell's HTTP API with the token from the page's URL. Both speak the ControlApi.
 */
import type { BrowserEvent, ControlApi } from '../../src/common/controlApi';

type Async<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;

/** The control API as seen from a window: the same methods, every answer asynchronous. */
export type ControlClient = { [K in Exclude<keyof ControlApi, 'onEvent'>]: Async<ControlApi[K]> } & {
  onEvent(listener: (e: BrowserEvent) => void): void;
};

interface Bridge {
  call(method: string, ...args: unknown[]): Promise<unknown>;
  onEvent(listener: (e: BrowserEvent) => void): void;
}

export class ApiError extends Error {}

export function createClient(): ControlClient {
  const bridge = (window as unknown as { minium?: Bridge }).minium;
  return bridge ? bridgeClient(bridge) : httpClient(new URLSearchParams(location.search).get('token') ?? '');
}

function bridgeClient(b: Bridge): ControlClient {
  const call = <T>(method: string, ...args: unknown[]) => b.call(method, ...args) as Promise<T>;
  return {
    listTabs: () => call('listTabs'),
    openTab: (url) => call('openTab', url),
    closeTab: (id) => call('closeTab', id),
    navigate: (id, url) => call('navigate', id, url),
    reload: (id) => call('reload', id),
    listProcesses: () => call('listProcesses'),
    killProcess: (pid) => call('killProcess', pid),
    crashThread: (pid, t, how) => call('crashThread', pid, t, how),
    listDemos: () => call('listDemos'),
    display: () => call('display'),
    runLab: (lab, quick) => call('runLab', lab, quick),
    sendInput: (id, e) => call('sendInput', id, e),
    consoleMessages: (id) => call('consoleMessages', id),
    tileReport: (id) => call('tileReport', id),
    renderingOverlays: () => call('renderingOverlays'),
    setRenderingOverlays: (o) => call('setRenderingOverlays', o),
    onEvent: (l) => b.onEvent(l),
  };
}

function httpClient(token: string): ControlClient {
  const request = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json();
    if (!res.ok) throw new ApiError(json?.error?.message ?? `${method} ${path} failed with ${res.status}`);
    return json as T;
  };
  return {
    listTabs: () => request('GET', '/api/tabs'),
    openTab: (url) => request('POST', '/api/tabs', { url }),
    closeTab: (id) => request('DELETE', `/api/tabs/${id}`),
    navigate: (id, url) => request('POST', `/api/tabs/${id}/navigate`, { url }),
    reload: (id) => request('POST', `/api/tabs/${id}/reload`),
    listProcesses: () => request('GET', '/api/processes'),
    killProcess: (pid) => request('POST', `/api/processes/${pid}/kill`),
    crashThread: (pid, t, how) =>
      request('POST', `/api/processes/${pid}/threads/${encodeURIComponent(t)}/crash`, { how }),
    listDemos: () => request('GET', '/api/demos'),
    display: () => request('GET', '/api/display'),
    runLab: (lab, quick) => request('POST', `/api/labs/${lab}`, { quick }),
    sendInput: (id, e) => request('POST', `/api/tabs/${id}/input`, e),
    consoleMessages: (id) => request('GET', `/api/tabs/${id}/console`),
    tileReport: (id) => request('GET', `/api/tabs/${id}/tiles`),
    renderingOverlays: () => request('GET', '/api/overlays'),
    setRenderingOverlays: (o) => request('POST', '/api/overlays', o),
    onEvent: (listener) => {
      const connect = () => {
        const ws = new WebSocket(`ws://${location.host}/api/events?token=${token}`);
        ws.onmessage = (m) => listener(JSON.parse(String(m.data)) as BrowserEvent);
        ws.onclose = () => setTimeout(connect, 1000);
      };
      connect();
    },
  };
}

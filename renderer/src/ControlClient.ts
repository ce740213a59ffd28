/**
 * How the UI reaches the browser kernel: through the Electron preload's bridge when it is there,
 * else the web shell's HTTP API with the token from the page's URL. Both clients are generated
 * from the control API table; only the transports are written here.
 */
import type { BrowserEvent } from '../../src/common/controlApi';
import { type ControlClient, createControlClient, httpTransport } from '../../src/common/controlApiClient';

export type { ControlClient };

interface Bridge {
  call(method: string, ...args: unknown[]): Promise<unknown>;
  onEvent(listener: (e: BrowserEvent) => void): void;
}

export class ApiError extends Error {}

export function createClient(): ControlClient {
  const bridge = (window as unknown as { minium?: Bridge }).minium;
  if (bridge)
    return createControlClient(
      (method, args) => bridge.call(method, ...args),
      (l) => bridge.onEvent(l),
    );
  const token = new URLSearchParams(location.search).get('token') ?? '';
  return createControlClient(
    httpTransport(async ({ verb, path, body }) => {
      const res = await fetch(path, {
        method: verb,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      const json = await res.json();
      if (!res.ok) throw new ApiError(json?.error?.message ?? `${verb} ${path} failed with ${res.status}`);
      return json;
    }),
    (listener) => {
      const connect = () => {
        const ws = new WebSocket(`ws://${location.host}/api/events?token=${token}`);
        ws.onmessage = (m) => listener(JSON.parse(String(m.data)) as BrowserEvent);
        ws.onclose = () => setTimeout(connect, 1000);
      };
      connect();
    },
  );
}

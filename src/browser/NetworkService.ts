/**
 * The network service as the browser sees it (Chromium's NetworkService in a utility process):
 * one per Browser. Starts the process on the first http(s) load and again on the first load after
 * it died; loads in flight when it dies fail with a network error in their tabs. Every response is
 * checked (NetworkResponse): a service that breaks the protocol is ended as a bad message, and
 * the browser lives on.
 */
import { Emitter } from '../common/Emitter';
import { LIMITS } from '../common/limits';
import type { NetworkToBrowser } from '../common/protocol';
import type { Destination } from '../common/resourceTypes';
import type { ChildLauncher } from '../platform/ChildProcess';
import type { Gone } from './ChildProcessHost';
import { NetworkProcessHost } from './NetworkProcessHost';
import { NetworkResponse } from './NetworkResponse';
import type { LoadResult } from './ResourceLoader';

/** The browser's own deadline: the service's, plus time for a busy machine to report it. */
const BROWSER_DEADLINE_MS = LIMITS.fetchTimeoutMs + 5000;

interface Pending {
  response: NetworkResponse;
  resolve: (result: LoadResult) => void;
  timer: NodeJS.Timeout;
}

export class NetworkService {
  host: NetworkProcessHost | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextRequestId = 1;
  private stopped = false;
  private readonly hostEmitter = new Emitter<NetworkProcessHost>();
  readonly onHostLaunched = this.hostEmitter.event;

  constructor(
    private readonly launcher: ChildLauncher,
    private readonly sandbox: boolean,
  ) {}

  fetch(url: URL, destination: Destination): Promise<LoadResult> {
    if (this.stopped) return Promise.resolve({ ok: false, error: 'ERR_ABORTED: Minium is shutting down' });
    const host = this.host && this.host.state !== 'gone' ? this.host : this.launch();
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      const timer = setTimeout(
        () =>
          this.settle(requestId, { ok: false, error: `ERR_TIMED_OUT: the network service did not answer ${url.href}` }),
        BROWSER_DEADLINE_MS,
      ).unref();
      this.pending.set(requestId, { response: new NetworkResponse(url.href, destination), resolve, timer });
      host.send({ type: 'fetch', requestId, url: url.href, destination });
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.host?.shutdown();
  }

  private launch(): NetworkProcessHost {
    const host = new NetworkProcessHost(this.launcher, this.sandbox);
    this.host = host;
    host.onMessage((m) => this.receive(host, m));
    host.onGone((gone) => this.gone(host, gone));
    host.start();
    this.hostEmitter.fire(host);
    return host;
  }

  private receive(host: NetworkProcessHost, m: NetworkToBrowser): void {
    if (m.type === 'ready' || m.type === 'stats' || m.type === 'log') return; // the host handles these
    // An id never handed out is a lie; one handed out but no longer pending timed out here: late, not wrong.
    if (m.requestId >= this.nextRequestId)
      return host.reject(`answered request ${m.requestId}, which the browser never made`);
    const p = this.pending.get(m.requestId);
    if (!p) return;
    let violation: string | null = null;
    switch (m.type) {
      case 'fetch-head':
        violation = p.response.receiveHead(m.status, m.contentType);
        break;
      case 'fetch-body':
        violation = p.response.receiveBody(m.data);
        break;
      case 'fetch-done': {
        const finished = p.response.finish();
        if ('result' in finished) return this.settle(m.requestId, finished.result);
        violation = finished.violation;
        break;
      }
      case 'fetch-failed':
        return this.settle(m.requestId, { ok: false, error: m.error });
    }
    if (!violation) return;
    this.settle(m.requestId, { ok: false, error: `ERR_INVALID_RESPONSE: the network service ${violation}` });
    host.reject(violation);
  }

  private gone(host: NetworkProcessHost, gone: Gone): void {
    if (this.host !== host) return;
    this.host = null;
    // Every request in flight was this service's: none of them can be answered now.
    for (const [id, p] of this.pending)
      this.settle(id, {
        ok: false,
        error: `ERR_FAILED: the network service ended (${gone.reason}) while it loaded ${p.response.url}`,
      });
  }

  private settle(requestId: number, result: LoadResult): void {
    const p = this.pending.get(requestId);
    if (!p) return;
    this.pending.delete(requestId);
    clearTimeout(p.timer);
    p.resolve(result);
  }
}

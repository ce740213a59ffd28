/**
 * Presents surfaces to windows: a WebSocket on 127.0.0.1 that a window connects to with the
 * display token. The window says which surface it shows; it first gets the whole surface, then
 * only damaged rectangles. Damage that arrives while a window is slow to read is merged, so a
 * slow window costs frames, never memory.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';
import { intersect, isEmpty, type Rect, union } from '../../common/geometry';
import { LIMITS } from '../../common/limits';
import { type DamageHeader, parseMessage, WindowToDisplay } from '../../common/protocol';
import { tracer } from '../../platform/tracing';
import type { Damage, DisplayCompositor } from './DisplayCompositor';

const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** How soon a held-back send is tried again. */
const RETRY_MS = 8;

interface Viewer {
  socket: WebSocket;
  surfaceId: string | null;
  pending: Rect | null;
  seq: number;
}

export class DisplayServer {
  private readonly wss: WebSocketServer;
  /** Its HTTP server when it listens on a socket opened ahead (`listenFd`). */
  private readonly http: Server | null = null;
  private readonly viewers = new Set<Viewer>();
  /** Armed only while a send to a slow window is held back: a still screen wakes nothing. */
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly compositor: DisplayCompositor,
    /** Null until the browser names it: the GPU process listens before it locks itself down. */
    private token: string | null,
    /** A TCP socket on 127.0.0.1 already listening (`openVizSockets`); null: open one. */
    listenFd: number | null = null,
  ) {
    const options = {
      maxPayload: LIMITS.windowMessageBytes,
      verifyClient: (info: { req: IncomingMessage }) => this.authorized(info.req),
    };
    if (listenFd === null) {
      this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0, ...options });
    } else {
      // What ws's own server answers a request that is not a WebSocket upgrade.
      this.http = createServer((_req, res) =>
        res.writeHead(426, { 'Content-Type': 'text/plain' }).end('Upgrade Required'),
      );
      this.wss = new WebSocketServer({ server: this.http, ...options });
      this.http.listen({ fd: listenFd });
    }
    this.wss.on('connection', (socket) => this.connect(socket));
    compositor.onDamage((d) => this.damage(d));
  }

  ready(): Promise<number> {
    return new Promise((resolve) => {
      const done = () => resolve((this.wss.address() as { port: number }).port);
      if (this.wss.address()) done();
      else (this.http ?? this.wss).once('listening', done);
    });
  }

  close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    for (const v of this.viewers) v.socket.terminate();
    this.wss.close();
    this.http?.close();
  }

  /** The token a window must present. */
  authorize(token: string): void {
    this.token = token;
  }

  private authorized(req: IncomingMessage): boolean {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    return this.token !== null && url.searchParams.get('token') === this.token;
  }

  private connect(socket: WebSocket): void {
    const viewer: Viewer = { socket, surfaceId: null, pending: null, seq: 0 };
    this.viewers.add(viewer);
    socket.on('close', () => this.viewers.delete(viewer));
    socket.on('error', () => socket.terminate());
    socket.on('message', (data, isBinary) => {
      const parsed = isBinary ? null : parseMessage(WindowToDisplay, safeJson(data.toString()));
      if (!parsed?.ok) return socket.close(1008, parsed ? parsed.reason : 'binary messages are not accepted');
      viewer.surfaceId = parsed.value.surfaceId;
      viewer.pending = { x: 0, y: 0, w: 1 << 14, h: 1 << 14 }; // everything, clipped when sent
      this.flush(viewer);
    });
  }

  private damage(d: Damage): void {
    for (const v of this.viewers) {
      if (v.surfaceId !== d.surfaceId) continue;
      v.pending = v.pending ? union(v.pending, d.rect) : d.rect;
      v.seq = d.seq;
      this.flush(v);
    }
  }

  private flush(v: Viewer): void {
    if (!v.pending || !v.surfaceId || v.socket.readyState !== v.socket.OPEN) return;
    if (v.socket.bufferedAmount > MAX_BUFFERED_BYTES) return this.retrySoon();
    const px = this.compositor.pixels(v.surfaceId, v.pending);
    if (!px || isEmpty(intersect(px.rect, v.pending))) return;
    v.pending = null;
    const header: DamageHeader = { surfaceId: v.surfaceId, seq: v.seq, surface: px.surface, rect: px.rect };
    tracer.slice(
      'Display::Present',
      () => {
        const json = Buffer.from(JSON.stringify(header));
        const prefix = Buffer.alloc(4);
        prefix.writeUInt32BE(json.length);
        const pixels = Buffer.from(px.data.buffer, px.data.byteOffset, px.data.byteLength);
        v.socket.send(Buffer.concat([prefix, json, pixels]), { binary: true });
      },
      { surfaceId: header.surfaceId, seq: header.seq, w: header.rect.w, h: header.rect.h },
    );
  }

  /** The window is behind: its damage waits and is sent a moment later (what it missed is merged meanwhile). */
  private retrySoon(): void {
    this.retryTimer ??= setTimeout(() => {
      this.retryTimer = null;
      this.viewers.forEach((v) => this.flush(v));
    }, RETRY_MS);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

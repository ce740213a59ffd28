/**
 * Where renderers' compositor threads and plugins submit frames: a local socket that does not
 * pass through the browser process. The browser only brokers it, by telling this server which
 * token may submit which surfaces (as Chromium's browser establishes GPU channels).
 */
import * as os from 'node:os';
import * as net from 'node:net';
import { FrameSinkClientMessage, parseMessage } from '../../common/protocol';
import { describeError } from '../../common/errors';
import { parseTilePoolName } from '../../common/tiles';
import { encodeMessage, MessageDecoder } from '../../platform/MessageFraming';
import type { DisplayCompositor } from './DisplayCompositor';

export function frameSinkAddress(owner: string): string {
  // Linux: an abstract socket, no file to clean up. Elsewhere a named pipe or a socket file.
  if (process.platform === 'linux') return `\0minium-${owner}-${process.pid}`;
  if (process.platform === 'win32') return `\\\\.\\pipe\\minium-${owner}-${process.pid}`;
  return `${os.tmpdir()}/minium-${owner}-${process.pid}.sock`;
}

export class FrameSinkServer {
  private readonly grants = new Map<string, { pid: number; surfaces: Set<string>; embeds: Set<string> }>();
  /** Surfaces a token was ever granted: a late frame for a tab that just closed is stale, not hostile. */
  private readonly everGranted = new Map<string, Set<string>>();
  private readonly clients = new Map<string, Set<net.Socket>>();
  private readonly server: net.Server;
  readonly address: string;

  constructor(
    private readonly compositor: DisplayCompositor,
    owner: string,
    private readonly log: (message: string) => void,
  ) {
    this.address = frameSinkAddress(owner);
    this.server = net.createServer((socket) => this.accept(socket));
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.address, () => resolve());
    });
  }

  authorize(token: string, pid: number, surfaces: string[], embeds: string[]): void {
    this.grants.set(token, { pid, surfaces: new Set(surfaces), embeds: new Set(embeds) });
    const ever = this.everGranted.get(token) ?? new Set<string>();
    for (const s of surfaces) ever.add(s);
    this.everGranted.set(token, ever);
  }

  /** Forgets a token and closes its connections (its process is gone). */
  revoke(token: string): void {
    this.grants.delete(token);
    this.everGranted.delete(token);
    for (const s of this.clients.get(token) ?? []) s.destroy();
    this.clients.delete(token);
  }

  close(): void {
    for (const set of this.clients.values()) for (const s of set) s.destroy();
    this.server.close();
  }

  private accept(socket: net.Socket): void {
    const decoder = new MessageDecoder();
    let token: string | null = null;
    const drop = (why: string) => {
      this.log(`frame sink client dropped: ${why}`);
      socket.destroy();
    };
    socket.on('error', () => socket.destroy());
    socket.on('close', () => token && this.clients.get(token)?.delete(socket));
    socket.on('data', (chunk) => {
      let messages: unknown[];
      try {
        messages = decoder.push(chunk);
      } catch (e) {
        return drop(describeError(e));
      }
      for (const raw of messages) {
        if (socket.destroyed) return;
        const parsed = parseMessage(FrameSinkClientMessage, raw);
        if (!parsed.ok) return drop(`bad message: ${parsed.reason}`);
        const m = parsed.value;
        if (m.type === 'hello') {
          if (token || !this.grants.has(m.token)) return drop('unknown token');
          token = m.token;
          if (!this.clients.has(token)) this.clients.set(token, new Set());
          this.clients.get(token)!.add(socket);
          socket.write(encodeMessage({ type: 'welcome' }));
          continue;
        }
        if (!token) return drop('submitted a frame before saying hello');
        const grant = this.grants.get(token);
        if (!grant?.surfaces.has(m.surfaceId)) {
          if (this.everGranted.get(token)?.has(m.surfaceId)) continue; // in flight when its tab closed
          return drop(`may not submit to ${m.surfaceId}`);
        }
        // Pool names carry their creator's PID: a client may show only pixels of its own process.
        if (parseTilePoolName(m.pool.name)?.pid !== grant.pid)
          return drop(`tile pool ${m.pool.name} belongs to another process`);
        try {
          // Asked at drawing time, so a grant that arrives later takes effect without a new frame.
          const client = token;
          this.compositor.submit(m, (embedded) => this.grants.get(client)?.embeds.has(embedded) ?? false);
        } catch (e) {
          return drop(`unusable frame for ${m.surfaceId}: ${describeError(e)}`);
        }
        socket.write(encodeMessage({ type: 'frame-ack', surfaceId: m.surfaceId, seq: m.seq }));
      }
    });
  }
}

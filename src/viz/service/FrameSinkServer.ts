/**
 * Where renderers' compositor threads and plugins submit frames: a local socket that does not
 * pass through the browser process. The browser only brokers it, by telling this server which
 * token may submit which surfaces (as Chromium's browser establishes GPU channels). Tile pools
 * arrive as descriptors on each client's descriptor channel; a frame names a pool by the id its
 * client gave it on this connection. Each client is told here which surfaces it may submit, so
 * an honest one never races the browser's grant; a submission outside every grant cuts it off.
 */
import * as os from 'node:os';
import * as net from 'node:net';
import {
  FrameSinkClientMessage,
  type FrameSinkClientStats,
  type FrameSinkServerMessage,
  parseMessage,
  type SubmitFrame,
} from '../../common/protocol';
import { describeError } from '../../common/errors';
import { ChannelTraffic, type DirectionCount } from '../../platform/ChannelTraffic';
import { encodeMessage, MessageDecoder } from '../../platform/MessageFraming';
import { ClientPools } from './ClientPools';
import { type DescriptorChannel, DescriptorChannelServer } from './DescriptorChannelServer';
import type { DisplayCompositor } from './DisplayCompositor';

/**
 * How long a hello with a token not granted yet waits for the browser's grant. The grant and the
 * client's channel leave the browser in that order, but travel different ways (the grant through
 * the GPU process's main thread to its compositor thread): a hello may arrive first.
 */
const GRANT_WAIT_MS = 1000;

export function frameSinkAddress(owner: string): string {
  // Linux: an abstract socket, no file to clean up. Elsewhere a named pipe or a socket file.
  if (process.platform === 'linux') return `\0minium-${owner}-${process.pid}`;
  if (process.platform === 'win32') return `\\\\.\\pipe\\minium-${owner}-${process.pid}`;
  return `${os.tmpdir()}/minium-${owner}-${process.pid}.sock`;
}

/** One client connection: whose it is (once it said hello), its pools, and what crossed it. */
interface Connection {
  token: string | null;
  pools: ClientPools;
  traffic: ChannelTraffic;
}

export class FrameSinkServer {
  private readonly connections = new Map<net.Socket, Connection>();
  private readonly grants = new Map<string, { pid: number; surfaces: Set<string>; embeds: Set<string> }>();
  /** Surfaces a token was ever granted: a late frame for a tab that just closed is stale, not hostile. */
  private readonly everGranted = new Map<string, Set<string>>();
  private readonly clients = new Map<string, Set<net.Socket>>();
  /** Hellos waiting for their token's grant, by token. */
  private readonly awaitingGrant = new Map<string, Set<() => void>>();
  private readonly server: net.Server;
  private readonly descriptorChannels: DescriptorChannelServer;
  readonly address: string;

  constructor(
    private readonly compositor: DisplayCompositor,
    owner: string,
    private readonly log: (message: string) => void,
  ) {
    this.address = frameSinkAddress(owner);
    this.server = net.createServer((socket) => this.accept(socket));
    this.descriptorChannels = new DescriptorChannelServer(this.address);
  }

  async listen(): Promise<void> {
    await this.descriptorChannels.listen();
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.address, () => resolve());
    });
  }

  authorize(token: string, pid: number, surfaces: string[], embeds: string[]): void {
    this.grants.set(token, { pid, surfaces: new Set(surfaces), embeds: new Set(embeds) });
    const ever = this.everGranted.get(token) ?? new Set<string>();
    for (const s of surfaces) ever.add(s);
    this.everGranted.set(token, ever);
    // The client hears of a new surface only from here, after the grant: its first frame cannot overtake it.
    for (const socket of this.clients.get(token) ?? []) this.tellGranted(socket, token);
    const waiting = this.awaitingGrant.get(token);
    this.awaitingGrant.delete(token);
    waiting?.forEach((granted) => granted());
  }

  /** Calls `granted` once `token` is granted (at once if it is), or `refused` after `GRANT_WAIT_MS`. */
  private whenGranted(token: string, granted: () => void, refused: () => void): void {
    if (this.grants.has(token)) return granted();
    const waiting = this.awaitingGrant.get(token) ?? new Set();
    const timer = setTimeout(() => {
      waiting.delete(arrived);
      if (!waiting.size) this.awaitingGrant.delete(token);
      refused();
    }, GRANT_WAIT_MS);
    const arrived = () => {
      clearTimeout(timer);
      granted();
    };
    waiting.add(arrived);
    this.awaitingGrant.set(token, waiting);
  }

  /** Forgets a token and closes its connections (its process is gone). */
  revoke(token: string): void {
    this.grants.delete(token);
    this.everGranted.delete(token);
    for (const s of this.clients.get(token) ?? []) s.destroy();
    this.clients.delete(token);
  }

  /** Every client that said hello, by PID: its tile pools and its traffic (the architecture view's edges). */
  clientStats(): FrameSinkClientStats[] {
    const byPid = new Map<number, FrameSinkClientStats>();
    for (const c of this.connections.values()) {
      const pid = c.token ? this.grants.get(c.token)?.pid : undefined;
      if (pid === undefined) continue;
      const size = c.pools.size();
      const { received, sent } = c.traffic.snapshot();
      const s = byPid.get(pid);
      // A client may reconnect: its connections' figures add up.
      byPid.set(pid, {
        pid,
        pools: size.pools + (s?.pools ?? 0),
        poolBytes: size.bytes + (s?.poolBytes ?? 0),
        received: s ? sum(s.received, received) : received,
        sent: s ? sum(s.sent, sent) : sent,
      });
    }
    return [...byPid.values()];
  }

  close(): void {
    for (const set of this.clients.values()) for (const s of set) s.destroy();
    this.server.close();
    this.descriptorChannels.close();
  }

  private accept(socket: net.Socket): void {
    const decoder = new MessageDecoder();
    const pools = new ClientPools();
    const connection: Connection = { token: null, pools, traffic: new ChannelTraffic() };
    this.connections.set(socket, connection);
    let descriptors: DescriptorChannel | null = null;
    /** Messages that came with its hello while it waits for the grant, handled once it comes. */
    let held: unknown[] | null = null;
    const drop = (why: string) => {
      const pid = connection.token ? this.grants.get(connection.token)?.pid : undefined;
      this.log(`frame sink client${pid ? ` (pid ${pid})` : ''} dropped: ${why}`);
      socket.destroy();
    };
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      if (connection.token) this.clients.get(connection.token)?.delete(socket);
      this.connections.delete(socket);
      // Its pools are unmapped here: the memory goes once the client's own mappings are gone too.
      pools.close();
      descriptors?.close();
    });
    socket.on('data', (chunk) => {
      let messages: unknown[];
      try {
        messages = decoder.push(chunk);
      } catch (e) {
        return drop(describeError(e));
      }
      connection.traffic.countReceivedBytes(chunk.length);
      connection.traffic.countReceivedMessages(messages.length);
      handleAll(messages);
    });
    const handleAll = (messages: unknown[]) => {
      for (const [at, raw] of messages.entries()) {
        if (socket.destroyed) return;
        if (held) {
          held.push(raw);
          continue;
        }
        const parsed = parseMessage(FrameSinkClientMessage, raw);
        if (!parsed.ok) return drop(`bad message: ${parsed.reason}`);
        const m = parsed.value;
        if (m.type === 'hello') {
          if (connection.token || held) return drop('said hello twice');
          descriptors = this.descriptorChannels.claim(m.fdChannel);
          if (!descriptors) return drop('unknown descriptor channel');
          // The rest of this chunk waits with it; the socket is not read meanwhile.
          held = messages.slice(at + 1);
          socket.pause();
          return this.whenGranted(
            m.token,
            () => {
              if (socket.destroyed) return;
              connection.token = m.token;
              if (!this.clients.has(m.token)) this.clients.set(m.token, new Set());
              this.clients.get(m.token)!.add(socket);
              this.send(socket, { type: 'welcome' });
              this.tellGranted(socket, m.token);
              const later = held ?? [];
              held = null;
              socket.resume();
              handleAll(later);
            },
            () => (socket.destroyed ? undefined : drop('unknown token')),
          );
        }
        const token = connection.token;
        if (!token || !descriptors) return drop(`sent ${m.type} before saying hello`);
        if (m.type === 'submit-frame') {
          let outcome: 'drawn' | 'stale' | 'forbidden';
          try {
            outcome = this.submit(token, m, pools);
          } catch (e) {
            return drop(`unusable frame for ${m.surfaceId}: ${describeError(e)}`);
          }
          if (outcome === 'forbidden') return drop(`may not submit to ${m.surfaceId}`);
          if (outcome === 'drawn') this.send(socket, { type: 'frame-ack', surfaceId: m.surfaceId, seq: m.seq });
          continue;
        }
        try {
          if (m.type === 'did-allocate-pool') pools.add(m.poolId, m.slots, descriptors.receive());
          else pools.delete(m.poolId);
        } catch (e) {
          return drop(`refused ${m.type} of tile pool ${m.poolId}: ${describeError(e)}`);
        }
      }
    };
  }

  private tellGranted(socket: net.Socket, token: string): void {
    const surfaces = [...(this.grants.get(token)?.surfaces ?? [])];
    this.send(socket, { type: 'granted', surfaces });
  }

  private send(socket: net.Socket, message: FrameSinkServerMessage): void {
    const frame = encodeMessage(message);
    this.connections.get(socket)?.traffic.countSent(frame.length);
    socket.write(frame);
  }

  /** Composites a frame from a client's own pools; throws a readable reason if the frame is unusable. */
  private submit(token: string, frame: SubmitFrame, pools: ClientPools): 'drawn' | 'stale' | 'forbidden' {
    if (!this.grants.get(token)?.surfaces.has(frame.surfaceId)) {
      // A frame in flight when its tab closed is stale, not hostile.
      return this.everGranted.get(token)?.has(frame.surfaceId) ? 'stale' : 'forbidden';
    }
    // Asked at drawing time, so a grant that arrives later takes effect without a new frame.
    const mayEmbed = (embedded: string) => this.grants.get(token)?.embeds.has(embedded) ?? false;
    this.compositor.submit(frame, pools.get(frame.poolId), mayEmbed);
    return 'drawn';
  }
}

function sum(a: DirectionCount, b: DirectionCount): DirectionCount {
  return { messages: a.messages + b.messages, bytes: a.bytes + b.bytes };
}

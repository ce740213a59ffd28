/**
 * A client's end of the frame sink channel (renderer compositor thread, plugin process): connects
 * to the display compositor's socket with its token, hands over its tile pools as descriptors,
 * submits frames, receives acknowledgements. When the display compositor goes away (a GPU crash)
 * the client waits for a new channel, and hands every pool over again on it. It submits a
 * surface only once the display compositor has said it may (`mayDraw`): the browser's grant and
 * this client's frames travel on different channels, and only that answer orders them.
 */
import * as net from 'node:net';
import { Emitter } from '../../common/Emitter';
import { parseFrameSinkServerMessage } from '../../common/frameSinkServerMessages';
import type { SubmitFrame } from '../../common/protocol';
import { native } from '../../platform/native';
import { encodeMessage, MessageDecoder } from '../../platform/MessageFraming';
import { CHANNEL_KEY_LENGTH, descriptorChannelAddress, socketDescriptor } from '../common/descriptorChannel';

export interface ChannelInfo {
  address: string;
  token: string;
}

/** A pool as its creator lends it: the descriptor stays the creator's, open until it removes the pool. */
interface LentPool {
  fd: number;
  slots: number;
}

export class FrameSinkClient {
  private socket: net.Socket | null = null;
  private descriptors: net.Socket | null = null;
  private welcomed = false;
  /** What the display compositor, on this channel, last said this client may submit. */
  private granted = new Set<string>();
  private readonly pools = new Map<number, LentPool>();
  private nextPoolId = 1;
  private readonly ackEmitter = new Emitter<{ surfaceId: string; seq: number }>();
  private readonly connectedEmitter = new Emitter<void>();
  private readonly lostEmitter = new Emitter<string>();
  private readonly grantedEmitter = new Emitter<string[]>();
  readonly onAck = this.ackEmitter.event;
  /** The channel is (again) usable and holds every pool: clients resubmit whole frames. */
  readonly onConnected = this.connectedEmitter.event;
  readonly onLost = this.lostEmitter.event;
  /** Surfaces the client may now submit and could not before: the display compositor has none of their frames. */
  readonly onGranted = this.grantedEmitter.event;

  get ready(): boolean {
    return this.welcomed;
  }

  /** Whether the display compositor has said this client may submit frames for the surface. */
  mayDraw(surfaceId: string): boolean {
    return this.welcomed && this.granted.has(surfaceId);
  }

  /**
   * Lends a tile pool of `slots` tiles (a memfd) to the display compositor, now and on every later
   * channel; frames name it by the id returned. The caller keeps `fd` open until `removePool`.
   */
  addPool(fd: number, slots: number): number {
    const poolId = this.nextPoolId++;
    this.pools.set(poolId, { fd, slots });
    if (this.welcomed) this.handOver(poolId);
    return poolId;
  }

  removePool(poolId: number): void {
    if (this.pools.delete(poolId) && this.welcomed)
      this.socket!.write(encodeMessage({ type: 'did-delete-pool', poolId }));
  }

  /** The descriptor channel first: its key, once received, opens the message socket. */
  connect(channel: ChannelInfo): void {
    this.disconnect();
    const descriptors = net.connect(descriptorChannelAddress(channel.address));
    this.descriptors = descriptors;
    let key = '';
    descriptors.on('data', (chunk) => {
      key += chunk.toString('latin1');
      if (key.length > CHANNEL_KEY_LENGTH)
        return this.fail(descriptors, 'display compositor sent too much on the descriptor channel');
      if (key.length === CHANNEL_KEY_LENGTH) this.openMessages(channel, key);
    });
    descriptors.on('error', (e) => this.fail(descriptors, e.message));
    descriptors.on('close', () => this.fail(descriptors, 'descriptor channel closed'));
  }

  submit(frame: SubmitFrame): boolean {
    if (!this.welcomed || !this.socket) return false;
    this.socket.write(encodeMessage(frame));
    return true;
  }

  disconnect(): void {
    const s = this.socket;
    const d = this.descriptors;
    this.socket = null;
    this.descriptors = null;
    this.welcomed = false;
    this.granted = new Set();
    s?.destroy();
    d?.destroy();
  }

  private openMessages(channel: ChannelInfo, fdChannel: string): void {
    const decoder = new MessageDecoder();
    const socket = net.connect(channel.address);
    this.socket = socket;
    socket.on('connect', () => socket.write(encodeMessage({ type: 'hello', token: channel.token, fdChannel })));
    socket.on('data', (chunk) => {
      let messages: unknown[];
      try {
        messages = decoder.push(chunk);
      } catch (e) {
        return this.fail(socket, `display compositor sent a corrupt stream: ${(e as Error).message}`);
      }
      for (const raw of messages) {
        const parsed = parseFrameSinkServerMessage(raw);
        if (!parsed.ok) return this.fail(socket, `display compositor sent a bad message: ${parsed.reason}`);
        if (parsed.value.type === 'welcome') {
          this.welcomed = true;
          for (const poolId of this.pools.keys()) if (this.socket === socket) this.handOver(poolId);
          if (this.socket === socket) this.connectedEmitter.fire();
        } else if (parsed.value.type === 'granted') {
          if (this.socket === socket) this.grant(parsed.value.surfaces);
        } else {
          this.ackEmitter.fire(parsed.value);
        }
      }
    });
    socket.on('error', (e) => this.fail(socket, e.message));
    socket.on('close', () => this.fail(socket, 'channel closed'));
  }

  private grant(surfaces: string[]): void {
    const added = surfaces.filter((s) => !this.granted.has(s));
    this.granted = new Set(surfaces);
    if (added.length) this.grantedEmitter.fire(added);
  }

  /** The descriptor travels first; the announcement follows, so the server finds it waiting. */
  private handOver(poolId: number): void {
    const pool = this.pools.get(poolId)!;
    const socket = this.socket!;
    try {
      native().sendDescriptor(socketDescriptor(this.descriptors!), pool.fd);
    } catch (e) {
      return this.fail(socket, `could not hand over tile pool ${poolId}: ${(e as Error).message}`);
    }
    socket.write(encodeMessage({ type: 'did-allocate-pool', poolId, slots: pool.slots }));
  }

  private fail(socket: net.Socket, why: string): void {
    if (socket !== this.socket && socket !== this.descriptors) return;
    this.disconnect();
    this.lostEmitter.fire(why);
  }
}

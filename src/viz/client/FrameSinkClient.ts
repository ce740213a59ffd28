/**
 * A client's end of the frame sink channel (renderer compositor thread, plugin process): connects
 * to the display compositor's socket with its token, submits frames, receives acknowledgements.
 * When the display compositor goes away (a GPU crash) the client waits for a new channel.
 */
import * as net from 'node:net';
import { Emitter } from '../../common/Emitter';
import { FrameSinkServerMessage, parseMessage, type SubmitFrame } from '../../common/protocol';
import { encodeMessage, MessageDecoder } from '../../platform/MessageFraming';

export interface ChannelInfo {
  address: string;
  token: string;
}

export class FrameSinkClient {
  private socket: net.Socket | null = null;
  private welcomed = false;
  private readonly ackEmitter = new Emitter<{ surfaceId: string; seq: number }>();
  private readonly connectedEmitter = new Emitter<void>();
  private readonly lostEmitter = new Emitter<string>();
  readonly onAck = this.ackEmitter.event;
  /** The channel is (again) usable: clients resubmit whole frames. */
  readonly onConnected = this.connectedEmitter.event;
  readonly onLost = this.lostEmitter.event;

  get ready(): boolean {
    return this.welcomed;
  }

  connect(channel: ChannelInfo): void {
    this.disconnect();
    const decoder = new MessageDecoder();
    const socket = net.connect(channel.address);
    this.socket = socket;
    socket.on('connect', () => socket.write(encodeMessage({ type: 'hello', token: channel.token })));
    socket.on('data', (chunk) => {
      let messages: unknown[];
      try {
        messages = decoder.push(chunk);
      } catch (e) {
        return this.fail(socket, `display compositor sent a corrupt stream: ${(e as Error).message}`);
      }
      for (const raw of messages) {
        const parsed = parseMessage(FrameSinkServerMessage, raw);
        if (!parsed.ok) return this.fail(socket, `display compositor sent a bad message: ${parsed.reason}`);
        if (parsed.value.type === 'welcome') {
          this.welcomed = true;
          this.connectedEmitter.fire();
        } else {
          this.ackEmitter.fire(parsed.value);
        }
      }
    });
    socket.on('error', (e) => this.fail(socket, e.message));
    socket.on('close', () => this.fail(socket, 'channel closed'));
  }

  submit(frame: SubmitFrame): boolean {
    if (!this.welcomed || !this.socket) return false;
    this.socket.write(encodeMessage(frame));
    return true;
  }

  disconnect(): void {
    const s = this.socket;
    this.socket = null;
    this.welcomed = false;
    s?.destroy();
  }

  private fail(socket: net.Socket, why: string): void {
    if (socket !== this.socket) return;
    this.disconnect();
    this.lostEmitter.fire(why);
  }
}

/**
 * The display compositor's end of the descriptor channels (see `../common/descriptorChannel.ts`):
 * one listening socket next to the frame sink's; each connection is sent its key and waits, never
 * read by libuv, until the message socket that names the key claims it.
 */
import { randomBytes } from 'node:crypto';
import * as net from 'node:net';
import { native } from '../../platform/native';
import { CHANNEL_KEY_LENGTH, descriptorChannelAddress, socketDescriptor } from '../common/descriptorChannel';

/** A client that connects a descriptor channel and never says hello loses it after this long. */
const CLAIM_WITHIN_MS = 10_000;
/** Honest clients claim theirs at once: more waiting than this is someone hoarding the GPU's descriptors. */
const MAX_UNCLAIMED = 64;

/** One client's descriptor channel, claimed by its message socket. */
export class DescriptorChannel {
  constructor(private readonly socket: net.Socket) {}

  /** The one descriptor the client passed for its latest announcement; throws a readable reason otherwise. */
  receive(): number {
    return native().receiveDescriptor(socketDescriptor(this.socket));
  }

  close(): void {
    this.socket.destroy();
  }
}

export class DescriptorChannelServer {
  private readonly server = net.createServer({ pauseOnConnect: true }, (socket) => this.accept(socket));
  private readonly unclaimed = new Map<string, { socket: net.Socket; expiry: NodeJS.Timeout }>();
  readonly address: string;

  constructor(frameSinkAddress: string) {
    this.address = descriptorChannelAddress(frameSinkAddress);
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.address, () => resolve());
    });
  }

  /** The channel a client was given `key` for, at most once. */
  claim(key: string): DescriptorChannel | null {
    const pending = this.unclaimed.get(key);
    if (!pending) return null;
    this.unclaimed.delete(key);
    clearTimeout(pending.expiry);
    return new DescriptorChannel(pending.socket);
  }

  close(): void {
    for (const { socket, expiry } of this.unclaimed.values()) {
      clearTimeout(expiry);
      socket.destroy();
    }
    this.unclaimed.clear();
    this.server.close();
  }

  private accept(socket: net.Socket): void {
    if (this.unclaimed.size >= MAX_UNCLAIMED) {
      socket.destroy();
      return;
    }
    const key = randomBytes(CHANNEL_KEY_LENGTH / 2).toString('hex');
    const expiry = setTimeout(() => socket.destroy(), CLAIM_WITHIN_MS).unref();
    this.unclaimed.set(key, { socket, expiry });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      clearTimeout(expiry);
      if (this.unclaimed.get(key)?.socket === socket) this.unclaimed.delete(key);
    });
    socket.write(key); // writing does not resume reading: the socket stays paused
  }
}

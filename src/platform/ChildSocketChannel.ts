/**
 * The browser's end of one child's channel: a Unix stream socket carrying length-prefixed frames,
 * whichever way it was made (fd 3 of a socketpair under the Node launcher, a connect-back
 * connection under Electron). Frames the child sends go through a FrameReader that checks each
 * length before allocating; after a corrupt frame the socket is destroyed, so nothing more is read.
 * Until a connect-back child has connected, what the browser sends waits here, in order.
 */
import type { Socket } from 'node:net';
import { LIMITS } from '../common/limits';
import { ChannelTraffic, type TrafficCounts } from './ChannelTraffic';
import { FrameReader } from './FrameReader';
import { encodeMessage } from './MessageFraming';

export class ChildSocketChannel {
  private socket: Socket | null = null;
  private closed = false;
  private readonly waiting: Buffer[] = [];
  private readonly reader = new FrameReader(LIMITS.childFrameBytes);
  private readonly counts = new ChannelTraffic();
  readonly onMessage = this.reader.onMessage;
  readonly onBadFrame = this.reader.onCorrupt;

  /** `name` says which child, for the log. */
  constructor(private readonly name: () => string) {
    this.reader.onMessage(() => this.counts.countReceivedMessages());
    // Stop reading at once: what follows a corrupt frame is never buffered.
    this.reader.onCorrupt(() => this.socket?.destroy());
  }

  /** The child's socket; `leading`: bytes already read from it (what followed a connect-back token). */
  attach(socket: Socket, leading: Buffer = Buffer.alloc(0)): void {
    this.socket = socket;
    socket.on('error', (err: NodeJS.ErrnoException) => {
      // A reset or broken pipe means the child died: its exit reports that, with the reason.
      if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE')
        process.stderr.write(`[browser] channel to ${this.name()}: ${err.message}\n`);
    });
    socket.on('close', () => (this.closed = true));
    if (leading.length) this.received(leading);
    socket.on('data', (chunk: Buffer) => this.received(chunk));
    socket.resume();
    for (const frame of this.waiting.splice(0)) socket.write(frame);
  }

  /** Frames and sends (or keeps until the child connects); false once the channel is gone. */
  send(message: unknown): boolean {
    if (this.closed || (this.socket && (this.socket.destroyed || !this.socket.writable))) return false;
    const frame = encodeMessage(message, LIMITS.browserFrameBytes);
    this.counts.countSent(frame.length);
    if (this.socket) this.socket.write(frame);
    else this.waiting.push(frame);
    return true;
  }

  /** The child is gone: nothing more will be sent, and what waited for it is dropped. */
  close(): void {
    this.closed = true;
    this.waiting.length = 0;
  }

  traffic(): TrafficCounts {
    return this.counts.snapshot();
  }

  private received(chunk: Buffer): void {
    this.counts.countReceivedBytes(chunk.length);
    this.reader.read(chunk);
  }
}

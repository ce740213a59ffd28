/**
 * A Link over a message channel that keeps message boundaries itself: Node's IPC channel between
 * processes, or postMessage between threads. The peer's side is the same few lines.
 */
import type { Link, Tally } from './Link';
import { Tallier } from './Tallier';

export type LabMessage =
  { k: 'echo'; b: Uint8Array } | { k: 'data'; b: Uint8Array } | { k: 'end' } | { k: 'tally'; t: Tally };

export interface Channel {
  post(m: LabMessage): void;
  onMessage(listener: (m: LabMessage) => void): void;
  onGone(listener: (why: string) => void): void;
}

export class MessageLink implements Link {
  private readonly waiters: { resolve: (m: LabMessage) => void; reject: (e: Error) => void }[] = [];
  private failure: Error | null = null;

  constructor(
    private readonly channel: Channel,
    label: string,
    private readonly onClose: () => Promise<void>,
  ) {
    channel.onMessage((m) => this.waiters.shift()?.resolve(m));
    channel.onGone((why) => {
      this.failure ??= new Error(`${label}: ${why}`);
      this.waiters.splice(0).forEach((w) => w.reject(this.failure!));
    });
  }

  async roundTrip(payload: Buffer): Promise<Buffer> {
    const reply = this.next();
    this.channel.post({ k: 'echo', b: payload });
    const m = await reply;
    return Buffer.from((m as { b: Uint8Array }).b);
  }

  async stream(payload: Buffer, count: number): Promise<Tally> {
    const reply = this.next();
    for (let i = 0; i < count; i++) this.channel.post({ k: 'data', b: payload });
    this.channel.post({ k: 'end' });
    return ((await reply) as { t: Tally }).t;
  }

  close(): Promise<void> {
    return this.onClose();
  }

  /** The peer's next message; marked handled, since a failing post may be the error reported instead. */
  private next(): Promise<LabMessage> {
    if (this.failure) throw this.failure;
    const p = new Promise<LabMessage>((resolve, reject) => this.waiters.push({ resolve, reject }));
    p.catch(() => undefined);
    return p;
  }
}

export function serveMessages(channel: Pick<Channel, 'post' | 'onMessage'>): void {
  const tallier = new Tallier();
  channel.onMessage((m) => {
    if (m.k === 'echo') channel.post(m);
    else if (m.k === 'data') tallier.add(m.b);
    else if (m.k === 'end') channel.post({ k: 'tally', t: tallier.take() });
  });
}

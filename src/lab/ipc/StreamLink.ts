/**
 * A Link over a byte stream in each direction (a pipe pair, a socket, two FIFOs), and the peer's
 * side of it. Writes wait for 'drain', so a slow reader slows the writer instead of filling memory.
 */
import type { Readable, Writable } from 'node:stream';
import { Deframer, frame, Kind } from './framing';
import type { Link, Tally } from './Link';
import { Tallier } from './Tallier';

export class StreamLink implements Link {
  private readonly waiters: ((m: { kind: Kind; body: Buffer }) => void)[] = [];
  private failure: Error | null = null;
  private readonly failed: ((e: Error) => void)[] = [];

  constructor(
    input: Readable,
    private readonly output: Writable,
    label: string,
    private readonly onClose: () => Promise<void>,
    /** The peer's end, where the channel itself may not say so (a FIFO opened read-write never sees end-of-file). */
    peerGone?: Promise<string>,
  ) {
    const deframer = new Deframer((kind, body) => this.waiters.shift()?.({ kind, body }));
    input.on('data', (c: Buffer) => deframer.push(c));
    const fail = (why: string) => {
      this.failure ??= new Error(`${label}: ${why}`);
      this.failed.splice(0).forEach((f) => f(this.failure!));
    };
    input.on('error', (e) => fail(e.message));
    input.on('close', () => fail('the peer closed the channel'));
    output.on('error', (e) => fail(e.message));
    void peerGone?.then(fail);
  }

  async roundTrip(payload: Buffer): Promise<Buffer> {
    const reply = this.next();
    await this.write(frame(Kind.Echo, payload));
    return (await reply).body;
  }

  async stream(payload: Buffer, count: number): Promise<Tally> {
    const reply = this.next();
    for (let i = 0; i < count; i++) await this.write(frame(Kind.Data, payload));
    await this.write(frame(Kind.End, Buffer.alloc(0)));
    return JSON.parse((await reply).body.toString()) as Tally;
  }

  close(): Promise<void> {
    this.output.end();
    return this.onClose();
  }

  /** The next message from the peer. If the write before it fails, that error is the one reported. */
  private next(): Promise<{ kind: Kind; body: Buffer }> {
    if (this.failure) throw this.failure;
    const p = new Promise<{ kind: Kind; body: Buffer }>((resolve, reject) => {
      this.waiters.push(resolve);
      this.failed.push(reject);
    });
    p.catch(() => undefined);
    return p;
  }

  private async write(parts: Buffer[]): Promise<void> {
    if (this.failure) throw this.failure;
    let ok = true;
    for (const p of parts) ok = this.output.write(p) && ok;
    if (!ok)
      await new Promise<void>((resolve, reject) => {
        this.output.once('drain', resolve);
        this.failed.push(reject);
      });
  }
}

/** The peer's side: echo what comes with Echo, count what comes with Data, report at End. */
export function serveStream(input: Readable, output: Writable): void {
  const tallier = new Tallier();
  const deframer = new Deframer((kind, body) => {
    if (kind === Kind.Echo) frame(Kind.Echo, body).forEach((p) => output.write(p));
    else if (kind === Kind.Data) tallier.add(body);
    else if (kind === Kind.End)
      frame(Kind.Tally, Buffer.from(JSON.stringify(tallier.take()))).forEach((p) => output.write(p));
  });
  input.on('data', (c: Buffer) => deframer.push(c));
}

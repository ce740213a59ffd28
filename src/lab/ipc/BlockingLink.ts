/**
 * A Link over a transport whose calls block the thread (shared-memory rings, message queues),
 * and the peer's loop on the other side. The first byte of a message says what it is.
 */
import type { Link, Tally } from './Link';
import { Tallier } from './Tallier';

export const enum BlockingKind {
  Echo = 1,
  Data = 2,
  End = 3,
}

export interface BlockingTransport {
  /** Blocks until sent; throws with a reason if the peer is gone or stuck. */
  send(kind: BlockingKind, payload: Uint8Array): void;
  /** Blocks until a message arrives; throws likewise. */
  receive(): Buffer;
}

export function blockingLink(t: BlockingTransport, close: () => Promise<void>): Link {
  return {
    async roundTrip(payload) {
      t.send(BlockingKind.Echo, payload);
      return t.receive();
    },
    async stream(payload, count) {
      for (let i = 0; i < count; i++) t.send(BlockingKind.Data, payload);
      t.send(BlockingKind.End, Buffer.alloc(0));
      return JSON.parse(t.receive().toString()) as Tally;
    },
    close,
  };
}

/**
 * The peer's side: echo, tally, report, for ever. `receive` returns null when nothing came
 * within its slice; the peer then checks that the lab (its parent) still exists.
 */
export function serveBlocking(
  receive: () => { kind: number; body: Buffer } | null,
  send: (kind: BlockingKind, body: Uint8Array) => void,
): never {
  const tallier = new Tallier();
  const lab = process.ppid;
  for (;;) {
    const m = receive();
    if (!m) {
      if (process.ppid !== lab) process.exit(0);
      continue;
    }
    if (m.kind === BlockingKind.Echo) send(BlockingKind.Echo, m.body);
    else if (m.kind === BlockingKind.Data) tallier.add(m.body);
    else send(BlockingKind.End, Buffer.from(JSON.stringify(tallier.take())));
  }
}

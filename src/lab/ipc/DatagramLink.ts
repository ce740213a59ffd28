/**
 * A Link over UDP. A datagram holds at most 65 507 bytes, so larger messages travel as numbered
 * chunks and are reassembled; nothing is retransmitted (UDP does not), so a lost datagram ends
 * the measurement with an error instead of a wrong figure. Streams keep at most 256 KiB (and 32
 * messages) in flight and wait for the peer's per-message acknowledgement, since UDP has no flow
 * control either.
 */
import type * as dgram from 'node:dgram';
import { Kind } from './framing';
import type { Link, Tally } from './Link';
import { Tallier } from './Tallier';

const CHUNK = 60000;
const HEADER = 12;
const ACK = 5;
const IN_FLIGHT = 256 * 1024;
// Small datagrams cost the kernel far more buffer than their bytes: cap their number too.
const IN_FLIGHT_MESSAGES = 32;
const LOSS_TIMEOUT_MS = 3000;

function* chunks(kind: number, id: number, body: Buffer): Generator<Buffer> {
  const count = Math.max(1, Math.ceil(body.length / CHUNK));
  for (let i = 0; i < count; i++) {
    const header = Buffer.alloc(HEADER);
    header.writeUInt8(kind, 0);
    header.writeUInt16BE(i, 2);
    header.writeUInt16BE(count, 4);
    header.writeUInt32BE(id, 8);
    yield Buffer.concat([header, body.subarray(i * CHUNK, (i + 1) * CHUNK)]);
  }
}

/** Reassembles chunked messages; calls back with each complete one. */
function reassembler(onMessage: (kind: number, id: number, body: Buffer, from: dgram.RemoteInfo) => void) {
  const partial = new Map<number, { parts: Buffer[]; got: number }>();
  return (datagram: Buffer, from: dgram.RemoteInfo) => {
    const kind = datagram.readUInt8(0);
    const index = datagram.readUInt16BE(2);
    const count = datagram.readUInt16BE(4);
    const id = datagram.readUInt32BE(8);
    const body = datagram.subarray(HEADER);
    if (count === 1) return onMessage(kind, id, body, from);
    const p = partial.get(id) ?? { parts: new Array<Buffer>(count), got: 0 };
    if (!p.parts[index]) p.got++;
    p.parts[index] = body;
    partial.set(id, p);
    if (p.got === count) {
      partial.delete(id);
      onMessage(kind, id, Buffer.concat(p.parts), from);
    }
  };
}

export class DatagramLink implements Link {
  private nextId = 0;
  private readonly pending = new Map<number, (body: Buffer) => void>();
  private tallyWaiter: ((t: Tally) => void) | null = null;

  constructor(
    private readonly socket: dgram.Socket,
    private readonly port: number,
    private readonly onClose: () => Promise<void>,
  ) {
    socket.on(
      'message',
      reassembler((kind, id, body) => {
        if (kind === Kind.Tally) this.tallyWaiter?.(JSON.parse(body.toString()) as Tally);
        else this.pending.get(id)?.(body);
      }),
    );
  }

  roundTrip(payload: Buffer): Promise<Buffer> {
    return this.exchange(Kind.Echo, payload);
  }

  async stream(payload: Buffer, count: number): Promise<Tally> {
    const inFlight = new Set<Promise<Buffer>>();
    let bytes = 0;
    for (let i = 0; i < count; i++) {
      while (inFlight.size > 0 && (bytes + payload.length > IN_FLIGHT || inFlight.size >= IN_FLIGHT_MESSAGES)) {
        await Promise.race(inFlight);
      }
      const acked = this.exchange(Kind.Data, payload);
      bytes += payload.length;
      inFlight.add(acked);
      void acked.then(
        () => {
          inFlight.delete(acked);
          bytes -= payload.length;
        },
        () => undefined,
      );
    }
    await Promise.all(inFlight);
    const tally = new Promise<Tally>((resolve) => (this.tallyWaiter = resolve));
    this.send(Kind.End, ++this.nextId, Buffer.alloc(0));
    return tally;
  }

  async close(): Promise<void> {
    this.socket.close();
    await this.onClose();
  }

  private exchange(kind: number, payload: Buffer): Promise<Buffer> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new Error(
            `udp: no answer to message ${id} within ${LOSS_TIMEOUT_MS} ms: ` +
              'a datagram was lost, and UDP does not retransmit',
          ),
        );
      }, LOSS_TIMEOUT_MS);
      this.pending.set(id, (body) => {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve(body);
      });
      this.send(kind, id, payload);
    });
  }

  private send(kind: number, id: number, payload: Buffer): void {
    for (const c of chunks(kind, id, payload)) this.socket.send(c, this.port, '127.0.0.1');
  }
}

/** The peer's side: echo, acknowledge and tally, answering whoever sent. */
export function serveDatagrams(socket: dgram.Socket): void {
  const tallier = new Tallier();
  socket.on(
    'message',
    reassembler((kind, id, body, from) => {
      const reply = (k: number, b: Buffer) => {
        for (const c of chunks(k, id, b)) socket.send(c, from.port, from.address);
      };
      if (kind === Kind.Echo) reply(Kind.Echo, body);
      else if (kind === Kind.Data) {
        tallier.add(body);
        reply(ACK, Buffer.alloc(0));
      } else if (kind === Kind.End) reply(Kind.Tally, Buffer.from(JSON.stringify(tallier.take())));
    }),
  );
}

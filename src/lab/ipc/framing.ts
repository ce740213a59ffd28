/**
 * The lab's wire format over byte streams (pipes, sockets, FIFOs): a 1-byte kind and a 4-byte
 * length before each message. Reads are stitched together, so a message split across many
 * reads, or many messages in one read, come out whole.
 */
export const enum Kind {
  Echo = 1,
  Data = 2,
  End = 3,
  Tally = 4,
}

export function frame(kind: Kind, body: Buffer): Buffer[] {
  const header = Buffer.alloc(5);
  header.writeUInt8(kind, 0);
  header.writeUInt32BE(body.length, 1);
  return [header, body];
}

export class Deframer {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly onMessage: (kind: Kind, body: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size >= 5) {
      const head = this.peek(5);
      const len = head.readUInt32BE(1);
      if (this.size < 5 + len) return;
      const all = this.take(5 + len);
      this.onMessage(all.readUInt8(0) as Kind, all.subarray(5));
    }
  }

  private peek(n: number): Buffer {
    if (this.chunks[0].length < n) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0].subarray(0, n);
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    this.chunks = all.length > n ? [all.subarray(n)] : [];
    this.size -= n;
    return all.subarray(0, n);
  }
}

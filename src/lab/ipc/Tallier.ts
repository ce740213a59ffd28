import { crc32 } from 'node:zlib';
import type { Tally } from './Link';

/** Counts and checksums what arrives one way, for the stream measurement. */
export class Tallier {
  private t: Tally = { messages: 0, bytes: 0, crc: 0 };

  add(body: Uint8Array): void {
    this.t = { messages: this.t.messages + 1, bytes: this.t.bytes + body.length, crc: crc32(body, this.t.crc) };
  }

  /** The tally so far, starting afresh. */
  take(): Tally {
    const t = this.t;
    this.t = { messages: 0, bytes: 0, crc: 0 };
    return t;
  }
}

export function expectedTally(payload: Buffer, count: number): Tally {
  let crc = 0;
  for (let i = 0; i < count; i++) crc = crc32(payload, crc);
  return { messages: count, bytes: payload.length * count, crc };
}

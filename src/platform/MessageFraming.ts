/**
 * Length-prefixed JSON over a byte stream (the frame sink socket): 4-byte big-endian length,
 * then UTF-8 JSON. Partial reads are stitched; an oversized or malformed message is an error.
 */
export const MAX_FRAMED_MESSAGE = 4 * 1024 * 1024;

export function encodeMessage(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32BE(body.length, 0);
  return Buffer.concat([header, body]);
}

export class MessageDecoder {
  private buffered: Buffer = Buffer.alloc(0);

  /** Feeds bytes; returns the complete messages, or throws a readable error for a corrupt stream. */
  push(chunk: Buffer): unknown[] {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    const out: unknown[] = [];
    while (this.buffered.length >= 4) {
      const len = this.buffered.readUInt32BE(0);
      if (len > MAX_FRAMED_MESSAGE)
        throw new Error(`message of ${len} bytes exceeds the ${MAX_FRAMED_MESSAGE}-byte limit`);
      if (this.buffered.length < 4 + len) break;
      const body = this.buffered.subarray(4, 4 + len).toString('utf8');
      this.buffered = this.buffered.subarray(4 + len);
      try {
        out.push(JSON.parse(body));
      } catch {
        throw new Error('message is not valid JSON');
      }
    }
    return out;
  }
}

/**
 * Length-prefixed JSON over a byte stream: a 4-byte big-endian length, then that many bytes of
 * UTF-8 JSON holding one object. Used by every channel a child can write to (browser ↔ child,
 * renderer → display compositor). The decoder checks a frame's length against its limit as soon
 * as the header is in, before it allocates or buffers the body, so a hostile writer costs the
 * reader at most `limit` bytes; bodies are copied once, never re-concatenated.
 */
import { LIMITS } from '../common/limits';

const HEADER_BYTES = 4;

/** A corrupt stream: the reason says what was wrong, for the bad-message log. */
export class FramingError extends Error {}

/** Frames one message; a message over the channel's limit is the sender's bug, reported as such. */
export function encodeMessage(message: unknown, limit = LIMITS.childFrameBytes): Buffer {
  const json = JSON.stringify(message);
  const length = Buffer.byteLength(json, 'utf8');
  if (length > limit) {
    const type = (message as { type?: unknown } | null)?.type;
    throw new FramingError(`refusing to send a ${String(type)} message of ${length} bytes: the limit is ${limit}`);
  }
  const frame = Buffer.allocUnsafe(HEADER_BYTES + length);
  frame.writeUInt32BE(length, 0);
  frame.write(json, HEADER_BYTES, 'utf8');
  return frame;
}

// fatal: bytes that are not UTF-8 are an error, not silently replaced by U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseBody(body: Buffer): object {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new FramingError(`a frame of ${body.length} bytes is not UTF-8`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new FramingError(`a frame of ${body.length} bytes is not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const what = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    throw new FramingError(`a frame holds ${what}, not an object`);
  }
  return value;
}

/**
 * One per stream. Feeds bytes in; gets whole messages out, in order. After a FramingError the
 * stream cannot be resynchronised: every later push throws the same error.
 */
export class MessageDecoder {
  private readonly header = Buffer.alloc(HEADER_BYTES);
  private headerFilled = 0;
  /** The frame being received, allocated once its length passed the limit. */
  private body: Buffer | null = null;
  private bodyFilled = 0;
  private failure: FramingError | null = null;

  constructor(private readonly limit = LIMITS.childFrameBytes) {}

  /** Returns the messages the chunk completes, or throws a FramingError for a corrupt stream. */
  push(chunk: Uint8Array): object[] {
    if (this.failure) throw this.failure;
    try {
      return this.consume(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    } catch (e) {
      if (e instanceof FramingError) this.failure = e;
      throw e;
    }
  }

  private consume(chunk: Buffer): object[] {
    const out: object[] = [];
    let at = 0;
    while (at < chunk.length) {
      if (!this.body) {
        const take = Math.min(HEADER_BYTES - this.headerFilled, chunk.length - at);
        chunk.copy(this.header, this.headerFilled, at, at + take);
        this.headerFilled += take;
        at += take;
        if (this.headerFilled < HEADER_BYTES) break;
        const length = this.header.readUInt32BE(0);
        if (length > this.limit)
          throw new FramingError(`a frame of ${length} bytes exceeds the ${this.limit}-byte limit`);
        this.headerFilled = 0;
        // A frame wholly inside this chunk is parsed in place: the common case costs no copy.
        if (chunk.length - at >= length) {
          out.push(parseBody(chunk.subarray(at, at + length)));
          at += length;
          continue;
        }
        this.body = Buffer.allocUnsafe(length);
        this.bodyFilled = 0;
      }
      const take = Math.min(this.body.length - this.bodyFilled, chunk.length - at);
      chunk.copy(this.body, this.bodyFilled, at, at + take);
      this.bodyFilled += take;
      at += take;
      if (this.bodyFilled === this.body.length) {
        const body = this.body;
        this.body = null;
        out.push(parseBody(body));
      }
    }
    return out;
  }
}

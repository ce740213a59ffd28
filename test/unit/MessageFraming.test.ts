import { LIMITS } from '../../src/common/limits';
import { FrameReader } from '../../src/platform/FrameReader';
import { encodeMessage, FramingError, MessageDecoder } from '../../src/platform/MessageFraming';

function header(length: number): Buffer {
  const h = Buffer.alloc(4);
  h.writeUInt32BE(length);
  return h;
}

/** A frame of exactly `bytes` bytes of body: an object padded with spaces. */
function padded(bytes: number): Buffer {
  return Buffer.concat([header(bytes), Buffer.from('{"a":1}'), Buffer.alloc(bytes - 7, ' ')]);
}

function feed(decoder: MessageDecoder, bytes: Buffer, step: number): object[] {
  const out: object[] = [];
  for (let i = 0; i < bytes.length; i += step) out.push(...decoder.push(bytes.subarray(i, i + step)));
  return out;
}

describe('MessageFraming', () => {
  test('messages split at any byte boundary come out whole and in order', () => {
    const bytes = Buffer.concat([
      encodeMessage({ a: 1 }),
      encodeMessage({ b: 'ü'.repeat(1000) }),
      encodeMessage({ c: [3] }),
    ]);
    for (const step of [1, 2, 3, 7, 1024]) {
      expect(feed(new MessageDecoder(), bytes, step)).toEqual([{ a: 1 }, { b: 'ü'.repeat(1000) }, { c: [3] }]);
    }
  });

  test('a header split across chunks is stitched', () => {
    const frame = encodeMessage({ split: true });
    const d = new MessageDecoder();
    expect(d.push(frame.subarray(0, 1))).toEqual([]);
    expect(d.push(frame.subarray(1, 3))).toEqual([]);
    expect(d.push(frame.subarray(3))).toEqual([{ split: true }]);
  });

  test('many frames in one chunk all come out', () => {
    const messages = Array.from({ length: 5000 }, (_, i) => ({ i }));
    expect(new MessageDecoder().push(Buffer.concat(messages.map((m) => encodeMessage(m))))).toEqual(messages);
  });

  test('a frame of exactly the limit, split across many chunks, arrives', () => {
    expect(feed(new MessageDecoder(), padded(LIMITS.childFrameBytes), 64 * 1024)).toEqual([{ a: 1 }]);
    expect(feed(new MessageDecoder(1000), padded(1000), 1)).toEqual([{ a: 1 }]);
  });

  test('a length over the limit is refused on its header, before the body is allocated', () => {
    const allocUnsafe = jest.spyOn(Buffer, 'allocUnsafe');
    try {
      const d = new MessageDecoder();
      expect(() => d.push(header(LIMITS.childFrameBytes + 1))).toThrow(
        `a frame of ${LIMITS.childFrameBytes + 1} bytes exceeds the ${LIMITS.childFrameBytes}-byte limit`,
      );
      expect(allocUnsafe).not.toHaveBeenCalled();
      // The stream is broken for good: the body that follows is refused, not buffered.
      expect(() => d.push(Buffer.alloc(1024 * 1024, ' '))).toThrow(/exceeds/);
      expect(allocUnsafe).not.toHaveBeenCalled();
    } finally {
      allocUnsafe.mockRestore();
    }
  });

  test.each([
    ['length 0', header(0), /not valid JSON/],
    ['broken JSON', Buffer.concat([header(3), Buffer.from('{{{')]), /not valid JSON/],
    ['bytes that are not UTF-8', Buffer.concat([header(4), Buffer.from([0x7b, 0xff, 0xfe, 0x7d])]), /not UTF-8/],
    ['an array', Buffer.concat([header(3), Buffer.from('[3]')]), /an array, not an object/],
    ['null', Buffer.concat([header(4), Buffer.from('null')]), /null, not an object/],
    ['a string', Buffer.concat([header(4), Buffer.from('"hi"')]), /a string, not an object/],
  ])('%s is a FramingError', (_what, bytes, why) => {
    expect(() => new MessageDecoder().push(bytes)).toThrow(FramingError);
    expect(() => new MessageDecoder().push(bytes)).toThrow(why);
  });

  test('the sender refuses a message over the limit', () => {
    expect(() => encodeMessage({ type: 'log', message: 'x'.repeat(100) }, 64)).toThrow(/log message of \d+ bytes/);
  });
});

describe('FrameReader', () => {
  function reader() {
    const messages: object[] = [];
    const corrupt: string[] = [];
    const r = new FrameReader(1024);
    r.onMessage((m) => messages.push(m));
    r.onCorrupt((why) => corrupt.push(why));
    return { r, messages, corrupt };
  }

  test('delivers the messages of framed bytes', () => {
    const { r, messages, corrupt } = reader();
    r.read(encodeMessage({ a: 1 }));
    r.read(new Uint8Array(encodeMessage({ b: 2 })));
    expect(messages).toEqual([{ a: 1 }, { b: 2 }]);
    expect(corrupt).toEqual([]);
  });

  test.each([
    ['a string', '{"type":"ready"}', /a string where framed bytes/],
    ['an object', { type: 'ready' }, /an object .* where framed bytes/],
    ['an oversized frame', header(1025), /exceeds the 1024-byte limit/],
  ])('%s ends the channel once; nothing is read after it', (_what, data, why) => {
    const { r, messages, corrupt } = reader();
    r.read(data);
    r.read(encodeMessage({ after: true }));
    r.read(header(5000));
    expect(corrupt).toHaveLength(1);
    expect(corrupt[0]).toMatch(why);
    expect(messages).toEqual([]);
  });
});

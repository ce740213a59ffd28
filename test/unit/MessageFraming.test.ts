import { encodeMessage, MAX_FRAMED_MESSAGE, MessageDecoder } from '../../src/platform/MessageFraming';

describe('MessageFraming', () => {
  test('messages split at any byte boundary come out whole and in order', () => {
    const bytes = Buffer.concat([encodeMessage({ a: 1 }), encodeMessage({ b: 'ü'.repeat(1000) }), encodeMessage([3])]);
    for (const step of [1, 3, 7, 1024]) {
      const d = new MessageDecoder();
      const out: unknown[] = [];
      for (let i = 0; i < bytes.length; i += step) out.push(...d.push(bytes.subarray(i, i + step)));
      expect(out).toEqual([{ a: 1 }, { b: 'ü'.repeat(1000) }, [3]]);
    }
  });

  test('an oversized length or broken JSON is an error, not a hang', () => {
    const header = Buffer.alloc(4);
    header.writeUInt32BE(MAX_FRAMED_MESSAGE + 1);
    expect(() => new MessageDecoder().push(header)).toThrow(/exceeds/);
    const bad = Buffer.concat([Buffer.from([0, 0, 0, 3]), Buffer.from('{{{')]);
    expect(() => new MessageDecoder().push(bad)).toThrow(/not valid JSON/);
  });
});

import { decodeDataUrl, isDataUrl } from '../../src/common/dataUrl';
import { LIMITS } from '../../src/common/limits';

test('recognizes data: URLs whatever their case', () => {
  expect(isDataUrl('DATA:text/plain,x')).toBe(true);
  expect(isDataUrl('https://news.example/data:')).toBe(false);
});

test('decodes percent-encoded and base64 content with its type', () => {
  expect(decodeDataUrl("data:text/javascript,postMessage('h%C3%A9')")).toEqual({
    ok: true,
    contentType: 'text/javascript',
    body: "postMessage('hé')",
  });
  expect(decodeDataUrl(`data:text/javascript;base64,${Buffer.from('let é = 1').toString('base64')}`)).toEqual({
    ok: true,
    contentType: 'text/javascript',
    body: 'let é = 1',
  });
  expect(decodeDataUrl('data:,x')).toMatchObject({ ok: true, contentType: 'text/plain;charset=US-ASCII', body: 'x' });
});

test('refuses content over the size limit, broken base64 and a missing comma, with a reason', () => {
  expect(decodeDataUrl(`data:text/javascript,${'x'.repeat(LIMITS.dataUrlBytes + 1)}`)).toMatchObject({
    ok: false,
    error: expect.stringMatching(/at most \d+ are loaded/),
  });
  expect(decodeDataUrl('data:;base64,@@@')).toMatchObject({
    ok: false,
    error: expect.stringMatching(/cannot be decoded/),
  });
  expect(decodeDataUrl('data:text/plain')).toMatchObject({ ok: false, error: expect.stringMatching(/no comma/) });
});

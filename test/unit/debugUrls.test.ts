import { DEBUG_URLS, debugUrlKind } from '../../src/common/debugUrls';

describe('debug URLs', () => {
  test.each([
    ['minium://crash', 'crash'],
    ['  MINIUM://Memory-Exhaust/ ', 'memory-exhaust'],
    ['minium://gpuhang', 'gpuhang'],
  ])('%j is the debug URL %s', (input, kind) => {
    expect(debugUrlKind(input)).toBe(kind);
  });

  test.each(['minium://nope', 'minium://crash/more', 'https://crash.example/', 'chrome://crash', 'crash'])(
    '%j is no debug URL',
    (input) => {
      expect(debugUrlKind(input)).toBeNull();
    },
  );

  test('each listed URL parses back to its own kind', () => {
    for (const d of DEBUG_URLS) expect(debugUrlKind(d.url)).toBe(d.kind);
  });
});

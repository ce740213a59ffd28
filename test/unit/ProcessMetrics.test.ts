import { parseProportionalSetSize } from '../../src/browser/ProcessMetrics';

test('the Pss line of an smaps_rollup, in bytes, not Pss_Anon or Rss', () => {
  const rollup = [
    '55d0c0000000-7ffd5a3ff000 ---p 00000000 00:00 0                          [rollup]',
    'Rss:              130084 kB',
    'Pss:               74712 kB',
    'Pss_Dirty:         66008 kB',
    'Pss_Anon:          65920 kB',
  ].join('\n');
  expect(parseProportionalSetSize(rollup)).toBe(74712 * 1024);
  expect(parseProportionalSetSize('Rss: 10 kB\nPss_Anon: 4 kB')).toBeNull();
});

import { GPU_MODES, GpuCrashPolicy } from '../../src/browser/GpuCrashPolicy';

const MIN = 60_000;

describe('GpuCrashPolicy (Chromium: 3 recent crashes fall back; one forgiven per 5 minutes)', () => {
  test('three crashes close together: restart, restart, fall back to compositing in the browser', () => {
    const p = new GpuCrashPolicy();
    expect(p.recordCrash(0)).toBe('restart');
    expect(p.recordCrash(10_000)).toBe('restart');
    expect(p.describe(10_000)).toMatchObject({ level: 0, recentCrashes: 2, maxCrashes: 3, forgiveMinutes: 5 });
    expect(p.recordCrash(4 * MIN)).toBe('fallback');
    expect(p.inFallback).toBe(true);
    expect(p.describe(4 * MIN)).toMatchObject({ level: 1, recentCrashes: 0, totalCrashes: 3 });
    expect(p.describe(0).stack[p.describe(0).level]).toBe(GPU_MODES[GPU_MODES.length - 1]);
  });

  test('a crash every 5 minutes is forgiven as fast as it comes: never a fallback', () => {
    const p = new GpuCrashPolicy();
    for (let i = 0; i < 10; i++) expect(p.recordCrash(i * 5 * MIN)).toBe('restart');
    expect(p.describe(45 * MIN)).toMatchObject({ recentCrashes: 1, totalCrashes: 10, level: 0 });
  });

  test('one crash is forgiven per whole 5 minutes since the previous crash, never below zero', () => {
    const p = new GpuCrashPolicy();
    p.recordCrash(0);
    p.recordCrash(MIN); // 2 recent
    expect(p.describe(MIN + 5 * MIN - 1).recentCrashes).toBe(2); // not a whole interval yet
    expect(p.describe(MIN + 5 * MIN).recentCrashes).toBe(1);
    expect(p.describe(MIN + 60 * MIN).recentCrashes).toBe(0);
    // 9 minutes after the second crash: one forgiven (2 → 1), then this one counts (→ 2): still a restart.
    expect(p.recordCrash(10 * MIN)).toBe('restart');
    expect(p.describe(10 * MIN).recentCrashes).toBe(2);
    // Right after: 3 recent, the fallback.
    expect(p.recordCrash(10 * MIN + 1000)).toBe('fallback');
  });

  test('says when the next recent crash is forgiven', () => {
    const p = new GpuCrashPolicy();
    expect(p.describe(0).nextForgivenAt).toBeNull();
    p.recordCrash(1000);
    expect(p.describe(2000).nextForgivenAt).toBe(1000 + 5 * MIN);
    p.recordCrash(2000);
    expect(p.describe(2000 + 6 * MIN)).toMatchObject({ recentCrashes: 1, nextForgivenAt: 2000 + 10 * MIN });
  });

  test('the browser-process level is the last: later crashes stay there', () => {
    const p = new GpuCrashPolicy();
    for (let i = 0; i < 3; i++) p.recordCrash(i);
    for (let i = 0; i < 3; i++) expect(p.recordCrash(100 + i)).toBe('fallback');
    expect(p.describe(200).level).toBe(GPU_MODES.length - 1);
  });
});

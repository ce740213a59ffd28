import { GpuCrashPolicy } from '../../src/browser/GpuCrashPolicy';

describe('GpuCrashPolicy', () => {
  test('restarts twice, falls back on the third crash within two minutes', () => {
    const p = new GpuCrashPolicy();
    expect(p.recordCrash(0)).toBe('restart');
    expect(p.recordCrash(10_000)).toBe('restart');
    expect(p.recordCrash(119_000)).toBe('fallback');
    expect(p.inFallback).toBe(true);
    expect(p.recordCrash(500_000)).toBe('fallback'); // no way back, as in Chromium
  });

  test('crashes spread wider than the window keep restarting', () => {
    const p = new GpuCrashPolicy();
    expect(p.recordCrash(0)).toBe('restart');
    expect(p.recordCrash(70_000)).toBe('restart');
    expect(p.recordCrash(125_000)).toBe('restart'); // the first fell out of the window
    expect(p.totalCrashes).toBe(3);
    expect(p.inFallback).toBe(false);
  });
});

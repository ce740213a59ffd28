import {
  parseProcessLimit,
  platformMaxRendererProcesses,
  rendererLimits,
  rendererProcessLimit,
} from '../../src/browser/RendererProcessLimit';

describe('the renderer process limit, computed as Chromium computes it', () => {
  const unlimited = (physicalMemoryMiB: number) => ({ physicalMemoryMiB, platformProcessLimit: null });

  test('half the memory over 85 MB: the figures of Chromium’s own comment (64-bit)', () => {
    // render_process_host_impl.cc: 512 MB -> 3, 1024 MB -> 6, 4096 MB -> 24, 16384 MB -> 96 (then clamped).
    expect(rendererProcessLimit(unlimited(512), 85)).toBe(3);
    expect(rendererProcessLimit(unlimited(1024), 85)).toBe(6);
    expect(rendererProcessLimit(unlimited(4096), 85)).toBe(24);
    // 96 by memory, but 82 is the ceiling where the platform's process limit is unknown.
    expect(rendererProcessLimit(unlimited(16384), 85)).toBe(82);
  });

  test('never below 3, however little memory', () => {
    expect(rendererProcessLimit(unlimited(128), 85)).toBe(3);
    expect(rendererProcessLimit(unlimited(0), 85)).toBe(3);
  });

  test('at most half the platform’s process limit (RLIMIT_NPROC), where it is known', () => {
    expect(platformMaxRendererProcesses(96365)).toBe(48182);
    expect(rendererProcessLimit({ physicalMemoryMiB: 24576, platformProcessLimit: 96365 }, 85)).toBe(144);
    expect(rendererProcessLimit({ physicalMemoryMiB: 24576, platformProcessLimit: 40 }, 85)).toBe(20);
    // A process limit so low that half of it is under the floor: the floor of 3 wins.
    expect(rendererProcessLimit({ physicalMemoryMiB: 24576, platformProcessLimit: 4 }, 85)).toBe(3);
  });

  test('Minium uses its own estimate per renderer in the same formula, beside Chromium’s figure', () => {
    const limits = rendererLimits({ physicalMemoryMiB: 24576, platformProcessLimit: 96365 });
    expect(limits.chromium).toBe(144);
    expect(limits.minium).toBe(Math.floor(12288 / limits.basis.miniumEstimateMb));
    expect(limits.minium).toBeLessThan(limits.chromium);
    expect(limits.basis).toMatchObject({ chromiumEstimateMb: 85, platformMax: 48182 });
  });

  test('rejects an estimate that is not a positive number', () => {
    expect(() => rendererProcessLimit(unlimited(4096), 0)).toThrow(/must be positive/);
  });

  test('reads the soft "Max processes" of /proc/self/limits', () => {
    const limits = [
      'Limit                     Soft Limit           Hard Limit           Units',
      'Max cpu time              unlimited            unlimited            seconds',
      'Max processes             96365                96365                processes',
    ].join('\n');
    expect(parseProcessLimit(limits)).toBe(96365);
    expect(
      parseProcessLimit(limits.replace('96365                96365', 'unlimited            unlimited')),
    ).toBeNull();
    expect(parseProcessLimit('Max cpu time unlimited')).toBeNull();
  });
});

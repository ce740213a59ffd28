import { spareAction, type SpareInputs } from '../../src/browser/SpareRenderer';

describe('when to warm a spare renderer (Chromium’s spare RenderProcessHost)', () => {
  const base: SpareInputs = { enabled: true, hasSpare: false, lockedCount: 1, limit: 4, idle: true, failedLaunches: 0 };

  test('launches one when there is none, room under the limit, and the browser is idle', () => {
    expect(spareAction(base)).toBe('launch');
  });

  test('waits while a tab loads or a renderer starts, rather than compete with it', () => {
    expect(spareAction({ ...base, idle: false })).toBe('wait');
  });

  test('keeps at most one', () => {
    expect(spareAction({ ...base, hasSpare: true })).toBe('none');
  });

  test('none when taking it would put one renderer more than the limit', () => {
    expect(spareAction({ ...base, lockedCount: 3 })).toBe('launch');
    expect(spareAction({ ...base, lockedCount: 4 })).toBe('none');
  });

  test('none when disabled, or after three spares in a row died before ready', () => {
    expect(spareAction({ ...base, enabled: false })).toBe('none');
    expect(spareAction({ ...base, failedLaunches: 2 })).toBe('launch');
    expect(spareAction({ ...base, failedLaunches: 3 })).toBe('none');
  });
});

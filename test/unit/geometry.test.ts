import { intersect, tileGrid, transformRect, union } from '../../src/common/geometry';
import { sampleAnimation } from '../../src/processes/renderer/compositor/Animations';

describe('geometry', () => {
  test('tile grid covers the layer exactly', () => {
    const tiles = tileGrid(600, 300, 256);
    expect(tiles).toHaveLength(6);
    expect(tiles[2]).toEqual({ x: 512, y: 0, w: 88, h: 256 });
    expect(tiles.reduce((s, t) => s + t.w * t.h, 0)).toBe(600 * 300);
  });

  test('union and intersection', () => {
    expect(union({ x: 0, y: 0, w: 0, h: 0 }, { x: 5, y: 5, w: 1, h: 1 })).toEqual({ x: 5, y: 5, w: 1, h: 1 });
    expect(union({ x: 0, y: 0, w: 2, h: 2 }, { x: 5, y: 5, w: 1, h: 1 })).toEqual({ x: 0, y: 0, w: 6, h: 6 });
    expect(intersect({ x: 0, y: 0, w: 2, h: 2 }, { x: 5, y: 5, w: 1, h: 1 }).w).toBe(0);
  });

  test('a quarter turn about the centre keeps a square in place', () => {
    const bounds = { x: 100, y: 50, w: 40, h: 40 };
    const { transform } = sampleAnimation('spin', 250, 1000, bounds);
    expect(transformRect(transform, { x: 0, y: 0, w: 40, h: 40 })).toEqual(bounds);
  });

  test('an unknown animation leaves the layer where layout put it', () => {
    const s = sampleAnimation('wobble', 123, 1000, { x: 7, y: 9, w: 10, h: 10 });
    expect(s).toEqual({ transform: [1, 0, 0, 1, 7, 9], opacity: 1 });
  });
});

import { intersect, tileGrid, union } from '../../src/common/geometry';

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
});

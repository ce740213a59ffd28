import { sampleAnimation, ease } from '../../src/processes/renderer/compositor/Animations';
import { LayerTreeHostImpl } from '../../src/processes/renderer/compositor/LayerTreeHostImpl';
import { TileManager } from '../../src/processes/renderer/compositor/TileManager';
import type { LayerAnimation, LayerData, PagePaint } from '../../src/processes/renderer/commit/PagePaint';
import { FrameSinkClient } from '../../src/viz/client/FrameSinkClient';
import { SlotAllocator } from '../../src/viz/client/SlotAllocator';

const layer = (over: Partial<LayerData>): LayerData => ({
  id: 0,
  parent: null,
  bounds: { x: 0, y: 0, w: 800, h: 600 },
  contentSize: { w: 800, h: 600 },
  scrollable: false,
  items: [],
  transform: [],
  origin: { x: 0, y: 0 },
  opacity: 1,
  ...over,
});
/** TileManager only passes its pool on to raster tasks. */
const pool = (slots: number) => ({ fd: 3, inode: 1, size: slots * 256 * 256 * 4 });
const rect = (x: number, y: number, color = 'red') => ({ op: 'rect' as const, x, y, w: 10, h: 10, color });

describe('TileManager', () => {
  const everything = new Map([
    [0, { visible: { x: 0, y: 0, w: 800, h: 600 }, interest: { x: 0, y: 0, w: 800, h: 2000 } }],
  ]);

  test('tiles on screen are drawn first, then those within a screen of it; far ones not at all', () => {
    const tm = new TileManager(new SlotAllocator(100), pool(100), () => undefined);
    tm.commit([layer({ contentSize: { w: 256, h: 256 * 12 } })]);
    let n = 0;
    const jobs = tm.prepareTiles(
      new Map([[0, { visible: { x: 0, y: 600, w: 256, h: 300 }, interest: { x: 0, y: 0, w: 256, h: 1500 } }]]),
      () => ++n,
    );
    expect(jobs.map((j) => j.task.tile.y)).toEqual([512, 768, 0, 256, 1024, 1280]);
  });

  test('a commit redraws only the tiles whose display items changed; the old pixels stay until then', () => {
    const drawn: string[] = [];
    const tm = new TileManager(new SlotAllocator(100), pool(100), (_, t) => drawn.push(`${t.rect.x},${t.rect.y}`));
    tm.commit([layer({ items: [rect(10, 10), rect(300, 300)] })]);
    let n = 0;
    tm.prepareTiles(everything, () => ++n).forEach((j, i) => j.done(true, 1 + (i % 2)));
    expect(drawn).toHaveLength(12);
    drawn.length = 0;
    tm.commit([layer({ items: [rect(10, 10), rect(300, 300, 'blue')] })]);
    const again = tm.prepareTiles(everything, () => ++n);
    expect(again.map((j) => `${j.task.tile.x},${j.task.tile.y}`)).toEqual(['256,256']);
    expect([...tm.tiles(0)].find((t) => t.rect.x === 256 && t.rect.y === 256)!.slot).not.toBeNull(); // stale but shown
    again[0].done(true, 2);
    expect(drawn).toEqual(['256,256']);
    expect(tm.owners().find((o) => o.rect.x === 256 && o.rect.y === 256)!.thread).toBe(2);
  });

  test('a raster result that a newer commit superseded is dropped, and the new content drawn', () => {
    const tm = new TileManager(new SlotAllocator(10), pool(10), () => undefined);
    tm.commit([layer({ contentSize: { w: 256, h: 256 }, items: [rect(1, 1)] })]);
    let n = 0;
    const [old] = tm.prepareTiles(everything, () => ++n);
    tm.commit([layer({ contentSize: { w: 256, h: 256 }, items: [rect(1, 1, 'blue')] })]);
    const [fresh] = tm.prepareTiles(everything, () => ++n);
    old.done(true, 1);
    expect([...tm.tiles(0)][0].rasteredBy).toBeNull();
    fresh.done(true, 2);
    expect([...tm.tiles(0)][0].rasteredBy).toBe(2);
  });
});

describe('Animations', () => {
  const spin: LayerAnimation = {
    spec: {
      name: 'spin',
      durationMs: 1000,
      delayMs: 0,
      easing: 'linear',
      iterations: Infinity,
      direction: 'normal',
      fill: 'none',
    },
    frames: [
      { offset: 0, transform: [{ fn: 'rotate', rad: 0 }], opacity: 1 },
      { offset: 1, transform: [{ fn: 'rotate', rad: 2 * Math.PI }], opacity: 0 },
    ],
  };

  test('keyframes interpolate per function: a rotation turns, it does not shrink through its matrix', () => {
    expect(sampleAnimation(spin, 250)).toEqual({ transform: [{ fn: 'rotate', rad: Math.PI / 2 }], opacity: 0.75 });
    expect(sampleAnimation(spin, 1250)!.transform).toEqual([{ fn: 'rotate', rad: Math.PI / 2 }]);
  });

  test('alternate runs backwards on odd iterations; a finite animation without fill has no effect after it ends', () => {
    const alt = { ...spin, spec: { ...spin.spec, direction: 'alternate' as const, iterations: 2 } };
    expect(sampleAnimation(alt, 1250)!.opacity).toBeCloseTo(0.25);
    expect(sampleAnimation(alt, 2500)).toBeNull();
    expect(sampleAnimation({ ...alt, spec: { ...alt.spec, fill: 'forwards' } }, 2500)!.opacity).toBeCloseTo(1);
  });

  test('easing: cubic-bezier ends stay put, ease-in starts slowly, steps jump', () => {
    const easeIn: [number, number, number, number] = [0.42, 0, 1, 1];
    expect(ease(easeIn, 0)).toBeCloseTo(0);
    expect(ease(easeIn, 1)).toBeCloseTo(1);
    expect(ease(easeIn, 0.25)).toBeLessThan(0.25);
    expect(ease({ steps: 4 }, 0.3)).toBe(0.25);
  });
});

describe('LayerTreeHostImpl (scrolling and hit testing on the compositor thread)', () => {
  const page: PagePaint = {
    title: 't',
    background: '#ffffff',
    wheelListeners: false,
    layers: [
      layer({ scrollable: true, contentSize: { w: 800, h: 2000 } }),
      layer({
        id: 5,
        parent: 0,
        scrollable: true,
        bounds: { x: 100, y: 100, w: 200, h: 100 },
        contentSize: { w: 200, h: 300 },
      }),
    ],
  };
  let host: LayerTreeHostImpl;
  beforeEach(() => {
    host = new LayerTreeHostImpl(
      1,
      { w: 800, h: 600 },
      { tileBorders: false, paintFlashing: false, fpsMeter: false },
      new FrameSinkClient(), // not connected: it keeps the tab's pool to lend on connecting
    );
    host.commit(page, { w: 800, h: 600 }, []);
  });
  afterEach(() => host.dispose());

  test('the wheel scrolls the innermost scroller under the point, then chains to the document at its end', () => {
    expect(host.scrollAt(150, 150, 0, 150)).toBe(true);
    expect(host.scrollOffset(5)).toEqual({ x: 0, y: 150 });
    expect(host.scrollAt(150, 150, 0, 150)).toBe(true); // clamped at the box's end, 200
    expect(host.scrollOffset(5)).toEqual({ x: 0, y: 200 });
    expect(host.scrollOffset(0)).toEqual({ x: 0, y: 0 });
    expect(host.scrollAt(150, 150, 0, 150)).toBe(true); // the box cannot move: the document scrolls
    expect(host.scrollOffset(0)).toEqual({ x: 0, y: 150 });
    expect(host.scrollAt(10, 10, 0, -10_000)).toBe(true);
    expect(host.scrollOffset(0)).toEqual({ x: 0, y: 0 });
    expect(host.scrollAt(10, 10, 0, -10)).toBe(false);
  });

  test('a hit lands in the topmost layer, in its scrolled content coordinates', () => {
    host.scrollAt(150, 150, 0, 30);
    expect(host.hitTest(150, 150)).toEqual({ layer: 5, x: 50, y: 80 });
    expect(host.hitTest(500, 500)).toEqual({ layer: 0, x: 500, y: 500 });
  });

  test('a frame carries the latency ids of the inputs it is first to show', () => {
    host.scrollAt(500, 500, 0, 100, 42);
    const frame = host.produceFrame(performance.now())!;
    expect(frame.latency).toEqual([42]);
    expect(frame.damage).toEqual({ x: 0, y: 0, w: 800, h: 600 });
  });
});

describe('LayerTreeHostImpl asks for vsyncs only while something changes (cc: SetNeedsBeginFrame)', () => {
  const overlays = { tileBorders: false, paintFlashing: false, fpsMeter: false };
  const spinning: LayerAnimation = {
    spec: {
      name: 'spin',
      durationMs: 1000,
      delayMs: 0,
      easing: 'linear',
      iterations: 2,
      direction: 'normal',
      fill: 'none',
    },
    frames: [
      { offset: 0, transform: [{ fn: 'rotate', rad: 0 }], opacity: 1 },
      { offset: 1, transform: [{ fn: 'rotate', rad: 1 }], opacity: 1 },
    ],
  };
  const paintOf = (layers: LayerData[]): PagePaint => ({
    title: 't',
    background: '#fff',
    wheelListeners: false,
    layers,
  });
  let host: LayerTreeHostImpl;
  beforeEach(() => {
    host = new LayerTreeHostImpl(1, { w: 800, h: 600 }, overlays, new FrameSinkClient());
  });
  afterEach(() => host.dispose());

  /** Rasters every tile at once, as the raster threads would. */
  const rasterAll = (now: number) =>
    host
      .takeRasterJobs(
        now,
        (() => {
          let n = 0;
          return () => ++n;
        })(),
      )
      .forEach((j) => j.done(true, 1));

  test('a static page needs vsyncs until drawn and acknowledged, then none; input asks again', () => {
    host.commit(paintOf([layer({ items: [rect(10, 10)] })]), { w: 800, h: 600 }, []);
    expect(host.needsBeginFrame(0)).toBe(true);
    rasterAll(0);
    expect(host.needsBeginFrame(8)).toBe(true); // the drawn tiles wait for their frame
    const frame = host.produceFrame(16)!;
    host.acknowledged(frame.seq);
    expect(host.needsBeginFrame(32)).toBe(false);
    host.addLatency(7);
    expect(host.needsBeginFrame(48)).toBe(true);
  });

  test('an animation needs vsyncs until its last iteration ends', () => {
    host.commit(
      paintOf([layer({}), layer({ id: 2, parent: 0, bounds: { x: 0, y: 0, w: 50, h: 50 }, animation: spinning })]),
      { w: 800, h: 600 },
      [],
    );
    const t0 = performance.now(); // the animation started at the commit
    rasterAll(t0);
    host.acknowledged(host.produceFrame(t0)!.seq);
    expect(host.needsBeginFrame(t0 + 1500)).toBe(true);
    host.produceFrame(t0 + 2100);
    expect(host.needsBeginFrame(t0 + 2100)).toBe(false);
  });

  test('a hidden tab needs none and pauses its animations; shown, its next frame is whole', () => {
    host.commit(
      paintOf([layer({}), layer({ id: 2, parent: 0, bounds: { x: 0, y: 0, w: 50, h: 50 }, animation: spinning })]),
      { w: 800, h: 600 },
      [],
    );
    const t0 = performance.now();
    rasterAll(t0);
    host.acknowledged(host.produceFrame(t0)!.seq);
    host.setVisible(false, t0 + 500);
    expect(host.needsBeginFrame(t0 + 600)).toBe(false);
    // Hidden for ten seconds: shown again, the two-second animation is where it was, a quarter through.
    host.setVisible(true, t0 + 10_500);
    expect(host.needsBeginFrame(t0 + 10_500)).toBe(true);
    const frame = host.produceFrame(t0 + 10_500)!;
    expect(frame.damage).toEqual({ x: 0, y: 0, w: 800, h: 600 });
    expect(host.needsBeginFrame(t0 + 12_000)).toBe(true); // 1.5 s into it, without the hidden time
    expect(host.needsBeginFrame(t0 + 12_100)).toBe(false);
  });
});

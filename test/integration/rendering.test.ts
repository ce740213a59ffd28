/**
 * The rendering pipeline with real processes and threads (CLAIMS.md RT1–RT5, RT7, MT2): which
 * raster thread drew a tile, a compositor that presents while page script blocks the main
 * thread, wheel scrolling on the compositor thread unless the page listens, clicks hit-tested
 * through to page script, and a worker's result reaching the page.
 */
import type { Browser } from '../../src/browser/Browser';
import { rasterThreadColor } from '../../src/common/tiles';
import { loggedSince } from '../../src/common/waitFor';
import { captureSurface, openLive, startBrowser, tabOf, waitFor } from './helpers';

let b: Browser;
beforeEach(async () => {
  b = await startBrowser({ rasterThreads: 2 });
});
afterEach(() => b.shutdown());

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const close = (a: number[], e: number[]) => a.every((v, i) => Math.abs(v - e[i]) <= 3);
const ticks = (tabId: number) => b.consoleMessages(tabId).filter((m) => m.message.startsWith('main tick')).length;
/** Whether the page logged the end of its block since console message `since`. */
const freed = (tabId: number, since: number) => loggedSince(b, tabId, since, 'main thread free');
const BLOCK_BUTTON = { x: 150, y: 30 };
const WHEEL_TOGGLE = { x: 100, y: 168 };

test('each tile is reported with the raster thread that drew it, and the tile-border overlay shows that thread’s colour', async () => {
  await b.setRenderingOverlays({ tileBorders: true, paintFlashing: false, fpsMeter: false });
  const t = await openLive(b, 'https://gradients.example/');
  const report = await waitFor(async () => {
    const r = await b.tileReport(t.id);
    const visible = r.tiles.filter((x) => x.layer === 0 && x.rect.y < 600);
    return visible.length > 0 && visible.every((x) => x.thread !== null) && r;
  }, 'every visible tile to be drawn');
  expect(report.rasterThreads).toBe(2);
  const visible = report.tiles.filter((x) => x.layer === 0 && x.rect.y + x.rect.h <= 600);
  expect(new Set(visible.map((x) => x.thread))).toEqual(new Set([1, 2])); // both threads drew
  const shot = await captureSurface(b.display().url!, t.surfaceId);
  // The left edge of each tile's border, half-way down: only that tile's border covers it.
  const wrong = visible
    .map((tile) => ({
      tile: tile.rect,
      thread: tile.thread,
      seen: shot.pixel(tile.rect.x + 1, tile.rect.y + Math.floor(tile.rect.h / 2)),
    }))
    .filter((x) => !close(x.seen, rgb(rasterThreadColor(x.thread!))));
  expect(wrong).toEqual([]);
});

test('while page script blocks the main thread, the compositor keeps presenting frames and scrolling; page timers stop', async () => {
  const t = await openLive(b, 'https://jank.example/');
  await waitFor(() => ticks(t.id) > 0, 'the page’s timer');
  const before = b.consoleMessages(t.id).length;
  await b.sendInput(t.id, { type: 'click', ...BLOCK_BUTTON });
  await waitFor(() => loggedSince(b, t.id, before, 'blocking'), 'the block to start');
  const frames = tabOf(b, t.id).framesPresented;
  const tickCount = ticks(t.id);
  await b.sendInput(t.id, { type: 'wheel', x: 480, y: 560, dx: 0, dy: 40 }); // the spinner stays on screen
  // The spinning layer presents about 60 frames a second; the block lasts 3 s.
  await waitFor(
    () => tabOf(b, t.id).framesPresented - frames > 45 || freed(t.id, before),
    '46 frames presented while the main thread is blocked',
  );
  const during = {
    frames: tabOf(b, t.id).framesPresented - frames,
    ticks: ticks(t.id) - tickCount,
    scroll: (await b.tileReport(t.id)).scroll.y,
  };
  expect(during.frames).toBeGreaterThan(45);
  expect(during.ticks).toBe(0);
  expect(during.scroll).toBe(40);
  expect(freed(t.id, before)).toBe(false);
  await waitFor(() => ticks(t.id) > tickCount, 'the page’s timer to run again');
});

test('a page that listens for wheel events makes the compositor wait for the main thread before it scrolls', async () => {
  const t = await openLive(b, 'https://jank.example/');
  await waitFor(() => ticks(t.id) > 0, 'the page’s timer');
  // The click is hit-tested by the compositor thread and runs the button's listener on the main thread.
  const presented = new Set<number>();
  const off = b.onEvent((e) => void (e.type === 'input-presented' && presented.add(e.inputId)));
  const { inputId } = await b.sendInput(t.id, { type: 'click', ...WHEEL_TOGGLE });
  await waitFor(() => presented.has(inputId), 'the click’s effect on screen');
  off();
  const before = b.consoleMessages(t.id).length;
  await b.sendInput(t.id, { type: 'click', ...BLOCK_BUTTON });
  await waitFor(() => loggedSince(b, t.id, before, 'blocking'), 'the block to start');
  const frames = tabOf(b, t.id).framesPresented;
  await b.sendInput(t.id, { type: 'wheel', x: 480, y: 560, dx: 0, dy: 200 });
  // The spinner keeps the compositor presenting: 30 frames after the wheel it would have scrolled, were it free to.
  await waitFor(
    () => tabOf(b, t.id).framesPresented - frames >= 30 || freed(t.id, before),
    '30 frames presented after the wheel while the main thread is blocked',
  );
  const scroll = (await b.tileReport(t.id)).scroll.y;
  expect(freed(t.id, before)).toBe(false); // still inside the block: the scroll had to wait
  expect(scroll).toBe(0); // the wheel event waits behind the blocked main thread
  await waitFor(async () => (await b.tileReport(t.id)).scroll.y === 200, 'the scroll once the main thread is free');
});

test('a web worker’s result reaches the page: the fractal it computes appears in the tab', async () => {
  const t = await openLive(b, 'https://workers.example/fractal.html');
  // Inside the Mandelbrot set the worker's colour is black; before it answers the strip is empty.
  await waitFor(
    async () => (await captureSurface(b.display().url!, t.surfaceId)).pixel(344, 287).join() === '0,0,0',
    'the worker’s fractal in the page',
    20000,
  );
  const renderer = (await b.listProcesses()).find((p) => p.pid === t.pid)!;
  expect(renderer.threads.some((x) => x.kind === 'worker')).toBe(true);
});

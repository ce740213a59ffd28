/**
 * Compositor frame rate while the main thread is blocked (CLAIMS.md RT7, MT2): the jank demo's
 * button runs a 3 s loop in page script while the benchmark keeps scrolling the page with wheel
 * events and its CSS animation turns. Frames are counted where they are presented, in the
 * display compositor; the page's own main-thread ticks (console) show the block was real.
 */
import type { Browser } from '../browser/Browser';
import { loggedSince } from '../common/waitFor';
import { type BenchResult, tab, waitFor, withBrowser } from './harness';

export const JANK_URL = 'https://jank.example/';
/** Where the jank demo's "Block the main thread" button is (body margin 8 px, 24 px). */
export const BLOCK_BUTTON = { x: 150, y: 30 };

/** Scrolls the tab up and down with a wheel event per vsync until stopped. */
export function keepScrolling(b: Browser, tabId: number): () => void {
  let dy = 24;
  let sent = 0;
  const timer = setInterval(() => {
    if (++sent % 40 === 0) dy = -dy; // turn round before the end of the page
    void b.sendInput(tabId, { type: 'wheel', x: 480, y: 560, dx: 0, dy }).catch(() => undefined);
  }, 16);
  return () => clearInterval(timer);
}

export async function blockedMainFps(): Promise<BenchResult> {
  return withBrowser(async (b) => {
    const t = await b.openTab(JANK_URL);
    await waitFor(
      () => tab(b, t.id).state === 'live' && b.consoleMessages(t.id).some((m) => m.message.startsWith('main tick')),
      'the jank page to run its script',
    );
    let stop = keepScrolling(b, t.id);
    try {
      const window = async () => {
        const frames = tab(b, t.id).framesPresented;
        const ticks = b.consoleMessages(t.id).length;
        const started = performance.now();
        return () => ({
          fps: ((tab(b, t.id).framesPresented - frames) * 1000) / (performance.now() - started),
          ticks: b
            .consoleMessages(t.id)
            .slice(ticks)
            .filter((m) => m.message.startsWith('main tick')).length,
        });
      };
      const calmWindow = await window();
      await new Promise((r) => setTimeout(r, 3000));
      const calm = calmWindow();
      const before = b.consoleMessages(t.id).length;
      // Back to the top, where the button is; then scroll on while the click blocks the main thread.
      stop();
      await b.sendInput(t.id, { type: 'wheel', x: 480, y: 560, dx: 0, dy: -10_000 });
      await new Promise((r) => setTimeout(r, 100));
      await b.sendInput(t.id, { type: 'click', ...BLOCK_BUTTON });
      stop = keepScrolling(b, t.id);
      await waitFor(() => loggedSince(b, t.id, before, 'blocking'), 'the block to start');
      const blockedWindow = await window();
      await waitFor(() => loggedSince(b, t.id, before, 'main thread free'), 'the block to end', 10000);
      const blocked = blockedWindow();
      // Ticks the page logged between its own "blocking" and "free" lines (later ticks may already have arrived).
      const log = b.consoleMessages(t.id).map((m) => m.message);
      const from = log.findIndex((m) => m.startsWith('blocking'));
      const to = log.findIndex((m) => m.startsWith('main thread free'));
      blocked.ticks = log.slice(from, to).filter((m) => m.startsWith('main tick')).length;
      return {
        name: 'blocked-main',
        rows: [
          {
            metric:
              'frames presented per second while page script blocks the main thread for 3 s ' +
              '(scrolling + CSS animation)',
            unit: 'fps',
            value: blocked.fps,
            baseline: { what: 'same page and scrolling, main thread free (3 s before)', value: calm.fps },
          },
          {
            metric: 'main-thread timer ticks of the page during the block',
            unit: 'ticks',
            value: blocked.ticks,
            baseline: { what: 'ticks in the 3 s before (a 250 ms interval)', value: calm.ticks },
          },
        ],
      };
    } finally {
      stop();
    }
  });
}

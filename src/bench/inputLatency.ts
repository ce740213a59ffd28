/**
 * Input to presented frame: from the browser receiving an input to the display compositor
 * compositing the first frame that shows it (LatencyInfo ids carried by the frame). Wheel
 * scrolling is handled by the compositor thread alone; a click must run page script on the main
 * thread, which changes the DOM, which is styled, laid out, painted, committed and rastered.
 * The baseline is the same trip without drawing: a tile report asked of the compositor thread.
 */
import type { Browser } from '../browser/Browser';
import type { InputEvent } from '../common/controlApi';
import { type BenchResult, median, tab, waitFor, withBrowser } from './harness';
import { JANK_URL } from './blockedMainFps';

/** The jank demo's "Listen for wheel events" button: a click changes its text (and toggles a listener). */
const TOGGLE_BUTTON = { x: 100, y: 168 };
const RUNS = 20;

async function latency(b: Browser, tabId: number, event: InputEvent): Promise<number> {
  const presented = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => (off(), reject(new Error(`no frame showed the ${event.type} within 5 s`))), 5000);
    let id = -1;
    const off = b.onEvent((e) => {
      if (e.type === 'input-presented' && e.inputId === id) {
        clearTimeout(timer);
        off();
        resolve(e.latencyMs);
      }
    });
    void b.sendInput(tabId, event).then((r) => (id = r.inputId), reject);
  });
  return presented;
}

export async function inputLatency(): Promise<BenchResult> {
  return withBrowser(async (b) => {
    const t = await b.openTab(JANK_URL);
    await waitFor(
      () => tab(b, t.id).state === 'live' && b.consoleMessages(t.id).length > 0,
      'the jank page to run its script',
    );
    const wheel: number[] = [];
    const click: number[] = [];
    const report: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      wheel.push(await latency(b, t.id, { type: 'wheel', x: 480, y: 560, dx: 0, dy: i % 2 ? -40 : 40 }));
      // Scrolled back to the top by the odd runs, so the button is where the click lands.
      if (i % 2) click.push(await latency(b, t.id, { type: 'click', ...TOGGLE_BUTTON }));
      const started = performance.now();
      await b.tileReport(t.id);
      report.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
    const base = {
      what: 'browser → renderer compositor thread → browser, no frame (tile report)',
      value: median(report),
    };
    return {
      name: 'input-latency',
      rows: [
        {
          metric: 'wheel → presented frame, scrolled by the compositor thread (median)',
          unit: 'ms',
          value: median(wheel),
          baseline: base,
        },
        {
          metric: 'click → presented frame, page script changes the DOM on the main thread (median)',
          unit: 'ms',
          value: median(click),
          baseline: base,
        },
      ],
    };
  });
}

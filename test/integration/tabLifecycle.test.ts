/**
 * Tab lifecycle with real processes: the active tab is the only visible one; hidden (occluded)
 * tabs present no frames and their timers wake at most once a second, and they come back with a
 * whole frame when activated; an idle, static, visible tab stops asking for vsyncs yet redraws on
 * input; discarding a hidden tab frees its renderer, and the tab loads again when activated.
 */
import WebSocket from 'ws';
import type { Browser } from '../../src/browser/Browser';
import type { DamageHeader } from '../../src/common/protocol';
import { alive, keepsPresenting, openLive, startBrowser, tabOf, waitFor } from './helpers';

let b: Browser;
afterEach(() => b.shutdown());

const beginFrames = async (tabId: number) => (await b.tileReport(tabId)).beginFrames;

/** The damage rectangles the display compositor sends a window showing the surface, as they come. */
function watchSurface(displayUrl: string, surfaceId: string): { headers: DamageHeader[]; close: () => void } {
  const headers: DamageHeader[] = [];
  const ws = new WebSocket(displayUrl);
  ws.on('open', () => ws.send(JSON.stringify({ type: 'show', surfaceId })));
  ws.on('message', (data: Buffer) => {
    const len = data.readUInt32BE(0);
    headers.push(JSON.parse(data.subarray(4, 4 + len).toString()) as DamageHeader);
  });
  return { headers, close: () => ws.close() };
}

test('the last opened tab is the visible one; a hidden tab presents no frames, and activated it presents a whole frame', async () => {
  b = await startBrowser();
  const orbit = await openLive(b, 'https://orbit.example/');
  expect(tabOf(b, orbit.id).visible).toBe(true);
  const news = await openLive(b, 'https://news.example/');
  expect(tabOf(b, news.id).visible).toBe(true);
  expect(tabOf(b, orbit.id).visible).toBe(false);

  // While the visible tab animates on, the hidden one presents nothing and its compositor runs no vsync.
  const hiddenFrames = tabOf(b, orbit.id).framesPresented;
  const hiddenVsyncs = await beginFrames(orbit.id);
  await keepsPresenting(b, news.id, 60);
  expect(tabOf(b, orbit.id).framesPresented).toBe(hiddenFrames);
  expect(await beginFrames(orbit.id)).toBe(hiddenVsyncs);

  const viewer = watchSurface(b.display().url!, orbit.surfaceId);
  await waitFor(() => viewer.headers.length > 0, 'the window to get the hidden surface as it was');
  const before = viewer.headers.length;
  const shown = await b.activateTab(orbit.id);
  expect(shown.visible).toBe(true);
  expect(tabOf(b, news.id).visible).toBe(false);
  await waitFor(() => viewer.headers.length > before, 'the activated tab to present');
  const first = viewer.headers[before];
  viewer.close();
  expect(first.rect).toEqual({ x: 0, y: 0, w: first.surface.w, h: first.surface.h });
  await keepsPresenting(b, orbit.id, 30); // its animations run again
});

test('a hidden page’s timers wake at most once a second, and its renderer is not taken for hung', async () => {
  b = await startBrowser({ hangTimeoutMs: 1000 });
  const jank = await openLive(b, 'https://jank.example/'); // logs "main tick" every 250 ms
  await waitFor(() => ticksOf(jank.id).length >= 4, 'the visible page’s 4 Hz timer');
  const orbit = await openLive(b, 'https://orbit.example/');
  const hiddenSince = b.consoleMessages(jank.id).length;
  await keepsPresenting(b, orbit.id, 240); // about four seconds of the visible tab's animation
  const hidden = ticksOf(jank.id, hiddenSince);
  expect(hidden.length).toBeGreaterThanOrEqual(2); // throttled, not stopped
  const gaps = hidden.slice(1).map((t, i) => t.at - hidden[i].at);
  // One run per aligned one-second wake-up: never two in the same second.
  expect(gaps.every((g) => g >= 900)).toBe(true);
  expect(tabOf(b, jank.id).unresponsive).toBeUndefined();

  await b.activateTab(jank.id);
  const shownSince = b.consoleMessages(jank.id).length;
  await waitFor(() => ticksOf(jank.id, shownSince).length >= 8, 'the timer at its own 4 Hz again');
});

function ticksOf(tabId: number, since = 0) {
  return b
    .consoleMessages(tabId)
    .slice(since)
    .filter((m) => m.message.startsWith('main tick'));
}

test('an idle static tab stops asking for vsyncs, and still redraws on input', async () => {
  b = await startBrowser();
  const article = await openLive(b, 'https://article.example/');
  const idle = async () => {
    const a = await beginFrames(article.id);
    await new Promise((r) => setTimeout(r, 500)); // thirty vsyncs, were it still running
    return (await beginFrames(article.id)) === a;
  };
  await waitFor(idle, 'the compositor to stop its vsync once everything is drawn');
  const frames = tabOf(b, article.id).framesPresented;
  const vsyncs = await beginFrames(article.id);
  const presented = new Promise<number>((resolve) =>
    b.onEvent((e) => e.type === 'input-presented' && e.tabId === article.id && resolve(e.inputId)),
  );
  const { inputId } = await b.sendInput(article.id, { type: 'wheel', x: 300, y: 300, dx: 0, dy: 200 });
  expect(await presented).toBe(inputId);
  // framesPresented comes with the display compositor's stats, four times a second.
  await waitFor(() => tabOf(b, article.id).framesPresented > frames, 'the scrolled frame to be counted');
  expect(await beginFrames(article.id)).toBeGreaterThan(vsyncs);
  await waitFor(idle, 'the compositor to stop again');
});

test('discarding a hidden tab frees its renderer; activated, the tab loads again in a new one', async () => {
  b = await startBrowser();
  const sports = await openLive(b, 'https://news.example/sports.html');
  const front = await openLive(b, 'https://news.example/');
  const orbit = await openLive(b, 'https://orbit.example/');
  const newsPid = tabOf(b, sports.id).pid!;
  expect(tabOf(b, front.id).pid).toBe(newsPid);

  await expect(b.discardTab(orbit.id)).rejects.toMatchObject({ code: 'tab-visible' });

  // The renderer still draws the front page: it lives on.
  const discarded = await b.discardTab(sports.id);
  expect(discarded).toMatchObject({ state: 'discarded', pid: null, visible: false });
  expect(alive(newsPid)).toBe(true);

  // Its last tab discarded, the renderer ends.
  await b.discardTab(front.id);
  await waitFor(
    async () => !alive(newsPid) && !(await b.listProcesses()).some((p) => p.pid === newsPid),
    'the news.example renderer to end and leave the process list',
  );

  const reloaded = await b.activateTab(sports.id);
  expect(reloaded.state).toBe('loading');
  const live = await waitFor(() => {
    const t = tabOf(b, sports.id);
    return t.state === 'live' && t.framesPresented > 0 && t;
  }, 'the discarded tab to load again and present');
  expect(live.pid).not.toBe(newsPid);
  expect(live.visible).toBe(true);
  expect(tabOf(b, front.id).state).toBe('discarded');
});

test('minium://discards is an internal page: a live tab with no renderer', async () => {
  b = await startBrowser();
  const orbit = await openLive(b, 'https://orbit.example/');
  const discards = await b.openTab('minium://discards');
  expect(discards).toMatchObject({
    url: 'minium://discards',
    title: 'Discards',
    state: 'live',
    pid: null,
    visible: true,
  });
  expect(tabOf(b, orbit.id).visible).toBe(false);
  const orbitPid = tabOf(b, orbit.id).pid!;
  await b.discardTab(orbit.id);
  await waitFor(() => !alive(orbitPid), 'the orbit renderer to end');
  await b.closeTab(discards.id);
  // Closing the shown tab shows the one active before it: discarded, it loads again.
  await waitFor(() => tabOf(b, orbit.id).state === 'live' && tabOf(b, orbit.id).visible, 'orbit shown again');
});

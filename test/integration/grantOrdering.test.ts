/**
 * Two channels reach the display compositor: the browser's grants and a renderer's frames. A tab
 * that joins a live renderer must not let the second overtake the first: the renderer learns that
 * it may draw the new surface from the display compositor itself, so a grant that arrives late
 * only delays the tab's first frame, and never costs the renderer its channel.
 */
import type { Browser } from '../../src/browser/Browser';
import type { FrameSinkGrant } from '../../src/browser/GpuService';
import { keepsPresenting, openLive, startBrowser, tabOf, waitFor } from './helpers';

let b: Browser;
beforeEach(async () => {
  b = await startBrowser();
});
afterEach(() => b.shutdown());

/** Holds every grant the browser sends the display compositor until `release` (the race, made certain). */
function holdGrants(browser: Browser): { release: () => void } {
  const gpu = browser.gpu;
  const deliver = gpu.authorize.bind(gpu);
  const held: FrameSinkGrant[] = [];
  gpu.authorize = (grant) => void held.push(grant);
  return {
    release() {
      gpu.authorize = deliver;
      for (const grant of held.splice(0)) deliver(grant);
    },
  };
}

test('a second tab whose grant arrives after its first frame is ready keeps its renderer on screen', async () => {
  const news = await openLive(b, 'https://news.example/');
  const grants = holdGrants(b);
  const sports = await b.openTab('https://news.example/sports.html');
  expect(sports.pid).toBe(news.pid);
  // The compositor thread holds the new tab's committed tree: its first frame is due at the next vsync.
  // (Until then the renderer answers that it does not draw the tab yet.)
  const committed = () =>
    b.tileReport(sports.id).then(
      (r) => r.tiles.length > 0,
      () => false,
    );
  await waitFor(committed, 'the sports tab to be committed');
  // Frames of the news tab, sent on the same channel after that moment, are still presented
  // (only the shown tab draws: news is shown again, sports keeps its frame waiting).
  await b.activateTab(news.id);
  expect(await keepsPresenting(b, news.id)).toBe(true);
  expect(tabOf(b, sports.id).framesPresented).toBe(0);
  grants.release();
  await b.activateTab(sports.id);
  await waitFor(() => tabOf(b, sports.id).framesPresented > 0, 'the sports tab to present once granted');
  await b.activateTab(news.id);
  expect(await keepsPresenting(b, news.id)).toBe(true);
});

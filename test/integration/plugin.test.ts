/** BR3: a plugin runs in its own process; when it dies, its page lives and shows a placeholder. */
import type { Browser } from '../../src/browser/Browser';
import {
  alive,
  captureSurface,
  openLive,
  shmNamesOf,
  startBrowser,
  tabOf,
  tilePoolDescriptorsOf,
  waitFor,
} from './helpers';

let b: Browser;
beforeEach(async () => {
  b = await startBrowser();
});
afterEach(() => b.shutdown());

const CLOCK_FACE: [number, number, number] = [0x20, 0x21, 0x24];

test('kill the plugin process: the page lives on and its plugin area says the plugin crashed', async () => {
  const page = await openLive(b, 'https://plugins.example/');
  const plugin = await waitFor(
    async () => (await b.listProcesses()).find((p) => p.role === 'plugin'),
    'the plugin process',
  );
  expect(plugin.title).toBe('Plugin: Minium Clock');
  expect(plugin.tabs).toEqual([page.id]);
  expect(plugin.pid).not.toBe(page.pid);

  // Find the clock in the tab's pixels: its dark face, drawn by the plugin process.
  const at = { x: 40, y: 200 };
  await waitFor(async () => {
    const shot = await captureSurface(b.display().url!, page.surfaceId);
    return shot.pixel(at.x, at.y).join() === CLOCK_FACE.join();
  }, 'the clock to appear in the page');

  expect(tilePoolDescriptorsOf(plugin.pid)).toHaveLength(1); // the clock's tile pool, a memfd
  expect(shmNamesOf(plugin.pid)).toEqual([]);
  process.kill(plugin.pid, 'SIGKILL');
  await waitFor(async () => {
    const shot = await captureSurface(b.display().url!, page.surfaceId);
    return shot.pixel(at.x, at.y).join() === [0xfc, 0xe8, 0xe6].join(); // the "plugin crashed" placeholder
  }, 'the sad-plugin placeholder');
  expect(tabOf(b, page.id)).toMatchObject({ state: 'live', pid: page.pid });
  expect(alive(page.pid!)).toBe(true);
  expect(shmNamesOf(plugin.pid)).toEqual([]); // nothing named, nothing left behind

  await b.reload(page.id);
  const back = await waitFor(
    async () => (await b.listProcesses()).find((p) => p.role === 'plugin'),
    'a new plugin process',
  );
  expect(back.pid).not.toBe(plugin.pid);
  // The new plugin process's clock is in the tab again. (A static page presents no frames of its
  // own once drawn, so the clock's pixels are the evidence, not a frame count.)
  await waitFor(async () => {
    const shot = await captureSurface(b.display().url!, page.surfaceId);
    return shot.pixel(at.x, at.y).join() === CLOCK_FACE.join();
  }, 'the new plugin process’s clock in the page');
});

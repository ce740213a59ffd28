/**
 * Chromium's spare RenderProcessHost: a warm, sandboxed renderer locked to no site, taken by the
 * next new site and replaced.
 */
import * as fs from 'node:fs';
import type { Browser } from '../../src/browser/Browser';
import { alive, keepsPresenting, openLive, startBrowser, tabOf, waitFor } from './helpers';

let b: Browser;
// Each test launches a renderer and two or three spares; on a loaded machine each takes seconds.
jest.setTimeout(120000);
afterEach(() => b.shutdown());

/** The spare once its threads have all started; a pid other than `not`, when given. */
async function warmSpare(not?: number): Promise<number> {
  return waitFor(
    async () => {
      const s = (await b.processInternals()).spare;
      return s.state === 'warm' && s.pid !== null && s.pid !== not && s.pid;
    },
    'a warm spare renderer',
    30000,
  );
}

const cmdline = (pid: number) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');

test('the spare is sandboxed, locked to no site; a new site takes it (same pid) and a new spare is started', async () => {
  b = await startBrowser({ spareRenderer: true });
  const spare = await warmSpare();
  const listed = (await b.listProcesses()).find((p) => p.pid === spare)!;
  expect(listed).toMatchObject({ role: 'renderer', spare: true, tabs: [], title: 'Spare renderer' });
  expect(listed.site).toBeUndefined();
  if (process.platform === 'linux') expect(listed.sandbox?.os).toBe('on');
  expect(cmdline(spare)).toContain('--minium-spare');
  expect(cmdline(spare).some((a) => a.startsWith('--minium-site='))).toBe(false);
  expect((await b.processInternals()).locks).toEqual([]);

  const orbit = await openLive(b, 'https://orbit.example/');
  expect(orbit.pid).toBe(spare);
  const internals = await b.processInternals();
  expect(internals.locks).toEqual([
    expect.objectContaining({
      site: 'https://orbit.example',
      pid: spare,
      wasSpare: true,
      tabs: [{ id: orbit.id, url: orbit.url }],
    }),
  ]);
  expect(internals.spare.taken).toBe(1);
  const taken = (await b.listProcesses()).find((p) => p.pid === spare)!;
  expect(taken).toMatchObject({ site: 'https://orbit.example', wasSpare: true });
  expect(taken.spare).toBeUndefined();

  const next = await warmSpare(spare);
  expect(alive(next)).toBe(true);
  // A second new site takes the new spare; a tab of a site that has its renderer does not.
  const news = await openLive(b, 'https://news.example/');
  expect(news.pid).toBe(next);
  const orbit2 = await openLive(b, 'https://orbit.example/');
  expect(orbit2.pid).toBe(spare);
});

test('killing the spare does not touch the tabs, and it is replaced', async () => {
  b = await startBrowser({ spareRenderer: true });
  const first = await warmSpare();
  const orbit = await openLive(b, 'https://orbit.example/');
  expect(orbit.pid).toBe(first);
  const spare = await warmSpare(first);
  const gone = new Promise((resolve) => b.onEvent((e) => e.type === 'process-gone' && e.pid === spare && resolve(e)));
  process.kill(spare, 'SIGKILL');
  expect(await gone).toMatchObject({ role: 'renderer', reason: 'killed' });
  expect(tabOf(b, orbit.id)).toMatchObject({ state: 'live', pid: first });
  expect(await keepsPresenting(b, orbit.id)).toBe(true);
  const replacement = await warmSpare(spare);
  expect(replacement).not.toBe(first);
});

test('no spare when taking it would pass the process limit', async () => {
  b = await startBrowser({ processLimit: 1, spareRenderer: true });
  const spare = await warmSpare();
  const orbit = await openLive(b, 'https://orbit.example/');
  expect(orbit.pid).toBe(spare);
  // One site-locked renderer is the limit: a spare could never be taken, so none is started. The
  // spare's idle poll (every 100 ms, armed when the spare was taken) decides before this timer
  // fires, whatever the load: one event loop runs timers in deadline order. Were it to launch
  // one, the launch would show at once (pid and all); fifteen polls leave it every chance.
  await new Promise((r) => setTimeout(r, 1500));
  const internals = await b.processInternals();
  expect(internals.spare.pid).toBeNull();
  expect(internals.limit.inForce).toBe(1);
  await expect(b.openTab('https://news.example/')).rejects.toThrow(/limit of 1 renderers/);
});

test('without a spare, a new site launches its renderer (cold) and none is kept warm', async () => {
  b = await startBrowser({ spareRenderer: false });
  const orbit = await openLive(b, 'https://orbit.example/');
  expect(orbit.pid).not.toBeNull();
  const internals = await b.processInternals();
  expect(internals.spare).toMatchObject({ enabled: false, pid: null, taken: 0, coldLaunches: 1 });
  expect((await b.listProcesses()).some((p) => p.spare)).toBe(false);
});

/**
 * Issue 9, no shared memory by name: a tab's tile pool is anonymous memory (a memfd) that only
 * its renderer holds and only the display compositor is handed, read-only, as a descriptor.
 * There is no name in /dev/shm for another process to open, and nothing is left behind when a
 * process dies: the memory goes with its last descriptor and mapping.
 */
import * as fs from 'node:fs';
import type { Browser } from '../../src/browser/Browser';
import {
  keepsPresenting,
  mappedTilePoolsOf,
  openLive,
  shmNamesOf,
  startBrowser,
  tilePoolDescriptorsOf,
  waitFor,
} from './helpers';

let b: Browser;
beforeEach(async () => {
  b = await startBrowser({ processLimit: 3 });
});
afterEach(() => b.shutdown());

const pidOf = async (role: string) => (await b.listProcesses()).find((p) => p.role === role)?.pid;
const childPids = async () => (await b.listProcesses()).filter((p) => p.role !== 'browser').map((p) => p.pid);

/** The permissions of each mapping of the given pools in a process (`r--s`: read-only, shared). */
function mappingModes(pid: number, inodes: number[]): string[] {
  return fs
    .readFileSync(`/proc/${pid}/maps`, 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 6 && inodes.includes(Number(f[4])))
    .map((f) => f[1]);
}

test('each renderer holds its own pools as memfds, no other renderer holds them, and the GPU process maps them read-only', async () => {
  const news = await openLive(b, 'https://news.example/');
  const orbit = await openLive(b, 'https://orbit.example/');
  const newsPools = tilePoolDescriptorsOf(news.pid!);
  const orbitPools = tilePoolDescriptorsOf(orbit.pid!);
  expect(newsPools).toContainEqual(
    expect.objectContaining({ link: `/memfd:minium-tile-pool:${news.surfaceId} (deleted)` }),
  );
  expect(orbitPools).toContainEqual(
    expect.objectContaining({ link: `/memfd:minium-tile-pool:${orbit.surfaceId} (deleted)` }),
  );
  // Neither renderer has the other's memory: not in its descriptor table, not in its address space.
  const newsInodes = newsPools.map((p) => p.inode);
  const orbitInodes = orbitPools.map((p) => p.inode);
  expect(orbitInodes.filter((i) => newsInodes.includes(i))).toEqual([]);
  expect([...mappedTilePoolsOf(orbit.pid!)].filter((i) => newsInodes.includes(i))).toEqual([]);
  expect([...mappedTilePoolsOf(news.pid!)].filter((i) => orbitInodes.includes(i))).toEqual([]);
  // And there is no name to open it by.
  for (const pid of await childPids()) expect(shmNamesOf(pid)).toEqual([]);

  const gpu = (await pidOf('gpu'))!;
  const all = [...newsInodes, ...orbitInodes];
  await waitFor(() => all.every((i) => mappedTilePoolsOf(gpu).has(i)), 'the GPU process to map both renderers’ pools');
  expect(new Set(mappingModes(gpu, all))).toEqual(new Set(['r--s']));
});

test.each(['SIGSEGV', 'SIGKILL'] as const)(
  'kill -%s the GPU process: nothing is left in /dev/shm, and the new one is handed the same pools',
  async (signal) => {
    const orbit = await openLive(b, 'https://orbit.example/');
    const pools = tilePoolDescriptorsOf(orbit.pid!).map((p) => p.inode);
    const first = (await pidOf('gpu'))!;
    expect(mappedTilePoolsOf(first)).toEqual(new Set(pools));
    process.kill(first, signal);
    const second = await waitFor(async () => {
      const p = await pidOf('gpu');
      return p !== first && p;
    }, 'a new GPU process');
    // The renderer lends the very same memory again: its pixels were never lost.
    await waitFor(
      () => pools.every((i) => mappedTilePoolsOf(second).has(i)),
      'the new GPU process to be handed the renderer’s pools',
    );
    expect(await keepsPresenting(b, orbit.id, 10)).toBe(true);
    expect(shmNamesOf(first)).toEqual([]);
    for (const pid of await childPids()) expect(shmNamesOf(pid)).toEqual([]);
  },
);

/**
 * The frame sink channel with a real socket and real shared memory: pixels a client writes into
 * its pool — anonymous memory handed over as a descriptor (SCM_RIGHTS) — come out of the display
 * compositor; a client that oversteps its grant, names a pool it did not hand over, or hands over
 * something that is not a sealed memfd of the announced size is cut off.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import type { SubmitFrame } from '../../src/common/protocol';
import { TILE_BYTES } from '../../src/common/tiles';
import { AnonymousSharedMemory } from '../../src/platform/AnonymousSharedMemory';
import { FrameSinkClient } from '../../src/viz/client/FrameSinkClient';
import { DisplayCompositor } from '../../src/viz/service/DisplayCompositor';
import { FrameSinkServer } from '../../src/viz/service/FrameSinkServer';
import { mappedTilePoolsOf, shmNamesOf, tilePoolDescriptorsOf, waitFor } from './helpers';

let compositor: DisplayCompositor;
let server: FrameSinkServer;
let pool: AnonymousSharedMemory;
const dropped: string[] = [];
const RED = [220, 20, 60, 255];

beforeAll(async () => {
  compositor = new DisplayCompositor();
  server = new FrameSinkServer(compositor, `test-${randomBytes(3).toString('hex')}`, (m) => dropped.push(m));
  await server.listen();
  pool = AnonymousSharedMemory.create('minium-tile-pool:test', 2 * TILE_BYTES);
  const red = new Uint8Array(TILE_BYTES);
  for (let i = 0; i < red.length; i += 4) red.set(RED, i);
  pool.write(0, red); // slot 0
});
afterAll(() => {
  server.close();
  compositor.dispose();
  pool.close();
});

const frame = (surfaceId: string, seq: number, poolId = 1): SubmitFrame => ({
  type: 'submit-frame',
  surfaceId,
  seq,
  size: { w: 300, h: 200 },
  poolId,
  background: '#ffffff',
  quads: [
    {
      kind: 'tile',
      slot: 0,
      version: 1,
      rect: { x: 0, y: 0, w: 100, h: 100 },
      transform: [1, 0, 0, 1, 50, 50],
      opacity: 1,
    },
  ],
  damage: { x: 0, y: 0, w: 300, h: 200 },
});

/** A client that lends `fd` (the red pool unless told otherwise) as its pool 1, connected or cut off. */
function connect(
  token: string,
  lend: { fd: number; slots: number } | null = { fd: pool.descriptor.fd, slots: 2 },
): Promise<{ client: FrameSinkClient; lost: Promise<string> }> {
  const client = new FrameSinkClient();
  if (lend) client.addPool(lend.fd, lend.slots);
  const lost = new Promise<string>((r) => client.onLost(r));
  return new Promise((resolve) => {
    client.onConnected(() => resolve({ client, lost }));
    void lost.then(() => resolve({ client, lost }));
    client.connect({ address: server.address, token });
  });
}

const token = () => randomBytes(16).toString('hex');

test('a granted client’s tile reaches the surface through its anonymous pool, and is acknowledged', async () => {
  const t = token();
  server.authorize(t, process.pid, ['tab:1'], []);
  const { client } = await connect(t);
  const acked = new Promise((r) => client.onAck(r));
  expect(client.submit(frame('tab:1', 1))).toBe(true);
  expect(await acked).toMatchObject({ surfaceId: 'tab:1', seq: 1 });
  const inside = compositor.pixels('tab:1', { x: 60, y: 60, w: 1, h: 1 })!.data;
  const outside = compositor.pixels('tab:1', { x: 10, y: 10, w: 1, h: 1 })!.data;
  expect([...inside]).toEqual(RED);
  expect([...outside]).toEqual([255, 255, 255, 255]);
  expect(compositor.stats()).toContainEqual({ surfaceId: 'tab:1', framesPresented: 1 });
  // The pool has no name: nothing in /dev/shm, only a descriptor and the mappings of the same memfd.
  expect(shmNamesOf(process.pid)).toEqual([]);
  expect(tilePoolDescriptorsOf(process.pid)).toContainEqual(
    expect.objectContaining({ fd: pool.descriptor.fd, inode: pool.inode }),
  );
  expect(mappedTilePoolsOf(process.pid)).toContain(pool.inode);
  client.disconnect();
});

test('a hello that overtakes its grant waits for it, and the pool handed over with it is kept', async () => {
  // As in the GPU process, where the grant reaches the compositor thread through the main thread.
  const t = token();
  const connecting = connect(t);
  await new Promise((resolve) => setTimeout(resolve, 100));
  server.authorize(t, process.pid, ['tab:13'], []);
  const { client } = await connecting;
  const acked = new Promise((r) => client.onAck(r));
  await waitFor(() => client.mayDraw('tab:13'), 'the client to hear of its grant');
  expect(client.submit(frame('tab:13', 1))).toBe(true);
  expect(await acked).toMatchObject({ surfaceId: 'tab:13', seq: 1 });
  expect(dropped.filter((d) => d.includes('unknown token'))).toEqual([]);
  client.disconnect();
});

test.each([
  ['an unknown token', null, 'tab:2', 1, /unknown token/],
  ['a surface it was not granted', ['tab:4'], 'tab:3', 1, /may not submit to tab:3/],
  ['a pool it never handed over', ['tab:4'], 'tab:4', 7, /tile pool 7 was not handed over on this connection/],
] as const)('a client is cut off for %s', async (_what, grant, surface, poolId, why) => {
  const t = token();
  if (grant) server.authorize(t, process.pid, [...grant], []);
  const { client, lost } = await connect(t);
  client.submit(frame(surface, 1, poolId));
  await lost;
  expect(dropped.at(-1)).toMatch(why);
  expect(compositor.pixels(surface)).toBeNull();
});

test('a client hears over its own channel which surfaces it may submit, only once each is granted', async () => {
  const t = token();
  server.authorize(t, process.pid, ['tab:11'], []);
  const { client } = await connect(t);
  await waitFor(() => client.mayDraw('tab:11'), 'the client to hear of its grant');
  expect(client.mayDraw('tab:12')).toBe(false); // the browser has not granted it (yet): an honest client waits
  const granted = new Promise<string[]>((r) => client.onGranted(r));
  server.authorize(t, process.pid, ['tab:11', 'tab:12'], []);
  expect(await granted).toEqual(['tab:12']);
  const acked = new Promise((r) => client.onAck(r));
  client.submit(frame('tab:12', 1));
  expect(await acked).toMatchObject({ surfaceId: 'tab:12', seq: 1 });
  server.authorize(t, process.pid, ['tab:12'], []); // tab 11 closed
  await waitFor(() => !client.mayDraw('tab:11'), 'the client to hear that tab 11 is no longer its');
  client.disconnect();
  expect(client.mayDraw('tab:12')).toBe(false);
});

test('pool ids are scoped to a connection: a client cannot name the pool another handed over', async () => {
  const owner = token();
  const thief = token();
  server.authorize(owner, process.pid, ['tab:5'], []);
  server.authorize(thief, process.pid, ['tab:6'], []);
  const a = await connect(owner);
  const acked = new Promise((r) => a.client.onAck(r));
  a.client.submit(frame('tab:5', 1));
  await acked;
  const b = await connect(thief, null); // hands over nothing, then names pool 1
  b.client.submit(frame('tab:6', 1, 1));
  await b.lost;
  expect(dropped.at(-1)).toMatch(/tile pool 1 was not handed over on this connection/);
  expect(compositor.pixels('tab:6')).toBeNull();
  a.client.disconnect();
});

describe('a descriptor that is not a sealed memfd of the announced size is refused', () => {
  const refused = async (fd: number, slots: number) => {
    const t = token();
    server.authorize(t, process.pid, ['tab:9'], []);
    const { lost } = await connect(t, { fd, slots });
    await lost;
    return dropped.at(-1);
  };

  test('a file on disk is not a memfd', async () => {
    const fd = fs.openSync(__filename, 'r');
    try {
      expect(await refused(fd, 1)).toMatch(/refused did-allocate-pool of tile pool 1: .*not a memfd/);
    } finally {
      fs.closeSync(fd);
    }
  });

  test('a device is not memory', async () => {
    const fd = fs.openSync('/dev/null', 'r');
    try {
      expect(await refused(fd, 1)).toMatch(/it is not memory/);
    } finally {
      fs.closeSync(fd);
    }
  });

  test('shared memory that is not sealed against shrinking could be truncated under the mapping', async () => {
    const name = `/dev/shm/minium-test-unsealed-${process.pid}-${randomBytes(4).toString('hex')}`;
    const fd = fs.openSync(name, 'w+', 0o600);
    fs.unlinkSync(name); // only the descriptor is left
    try {
      fs.ftruncateSync(fd, TILE_BYTES);
      expect(await refused(fd, 1)).toMatch(/not sealed against shrinking/);
    } finally {
      fs.closeSync(fd);
    }
  });

  test('a memfd of another size than announced', async () => {
    expect(await refused(pool.descriptor.fd, 3)).toMatch(
      new RegExp(`holds ${2 * TILE_BYTES} bytes, not the ${3 * TILE_BYTES} announced`),
    );
  });
});

test('a tab shows another surface (a plugin) only if it was granted to embed it', async () => {
  const plugin = token();
  const ours = token();
  const stranger = token();
  server.authorize(plugin, process.pid, ['plugin:9'], []);
  server.authorize(ours, process.pid, ['tab:7'], ['plugin:9']);
  server.authorize(stranger, process.pid, ['tab:8'], []);
  const submitAndAck = async (t: string, f: SubmitFrame) => {
    const { client } = await connect(t);
    const acked = new Promise((r) => client.onAck(r));
    client.submit(f);
    await acked;
    return client;
  };
  const pluginClient = await submitAndAck(plugin, {
    ...frame('plugin:9', 1),
    size: { w: 100, h: 100 },
    quads: [{ ...frame('x', 0).quads[0], transform: [1, 0, 0, 1, 0, 0] }] as SubmitFrame['quads'],
  });
  const embedding = (surfaceId: string): SubmitFrame => ({
    ...frame(surfaceId, 1),
    quads: [{ kind: 'surface', surfaceId: 'plugin:9', rect: { x: 150, y: 50, w: 100, h: 100 } }],
  });
  const a = await submitAndAck(ours, embedding('tab:7'));
  const b = await submitAndAck(stranger, embedding('tab:8'));
  expect([...compositor.pixels('tab:7', { x: 200, y: 100, w: 1, h: 1 })!.data]).toEqual(RED);
  expect([...compositor.pixels('tab:8', { x: 200, y: 100, w: 1, h: 1 })!.data]).toEqual([255, 255, 255, 255]);
  [pluginClient, a, b].forEach((c) => c.disconnect());
});

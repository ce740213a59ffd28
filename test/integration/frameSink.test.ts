/**
 * The frame sink channel with a real socket and real shared memory: pixels a client writes into
 * its pool come out of the display compositor; a client that oversteps its grant is cut off.
 */
import { randomBytes } from 'node:crypto';
import type { SubmitFrame } from '../../src/common/protocol';
import { TILE_BYTES, tilePoolName } from '../../src/common/tiles';
import { SharedMemoryRegion } from '../../src/platform/native';
import { FrameSinkClient } from '../../src/viz/client/FrameSinkClient';
import { DisplayCompositor } from '../../src/viz/service/DisplayCompositor';
import { FrameSinkServer } from '../../src/viz/service/FrameSinkServer';

let compositor: DisplayCompositor;
let server: FrameSinkServer;
let pool: SharedMemoryRegion;
const dropped: string[] = [];

beforeAll(async () => {
  compositor = new DisplayCompositor();
  server = new FrameSinkServer(compositor, `test-${randomBytes(3).toString('hex')}`, (m) => dropped.push(m));
  await server.listen();
  pool = SharedMemoryRegion.create(tilePoolName(process.pid, 424242), 2 * TILE_BYTES);
  const red = new Uint8Array(TILE_BYTES);
  for (let i = 0; i < red.length; i += 4) red.set([220, 20, 60, 255], i);
  pool.write(0, red); // slot 0
});
afterAll(() => {
  server.close();
  compositor.dispose();
  pool.close();
});

const frame = (surfaceId: string, seq: number): SubmitFrame => ({
  type: 'submit-frame',
  surfaceId,
  seq,
  size: { w: 300, h: 200 },
  pool: { name: pool.name, slots: 2 },
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

function connect(token: string): Promise<{ client: FrameSinkClient; lost: Promise<string> }> {
  const client = new FrameSinkClient();
  const lost = new Promise<string>((r) => client.onLost(r));
  return new Promise((resolve) => {
    client.onConnected(() => resolve({ client, lost }));
    void lost.then(() => resolve({ client, lost }));
    client.connect({ address: server.address, token });
  });
}

const token = () => randomBytes(16).toString('hex');

test('a granted client’s tile reaches the surface, through shared memory, and is acknowledged', async () => {
  const t = token();
  server.authorize(t, process.pid, ['tab:1'], []);
  const { client } = await connect(t);
  const acked = new Promise((r) => client.onAck(r));
  expect(client.submit(frame('tab:1', 1))).toBe(true);
  expect(await acked).toMatchObject({ surfaceId: 'tab:1', seq: 1 });
  const inside = compositor.pixels('tab:1', { x: 60, y: 60, w: 1, h: 1 })!.data;
  const outside = compositor.pixels('tab:1', { x: 10, y: 10, w: 1, h: 1 })!.data;
  expect([...inside]).toEqual([220, 20, 60, 255]);
  expect([...outside]).toEqual([255, 255, 255, 255]);
  expect(compositor.stats()).toContainEqual({ surfaceId: 'tab:1', framesPresented: 1 });
  client.disconnect();
});

test.each([
  ['an unknown token', null, 'tab:2', /unknown token/],
  ['a surface it was not granted', process.pid, 'tab:3', /may not submit to tab:3/],
  ['a pool of another process', process.pid + 1, 'tab:4', /belongs to another process/],
])('a client is cut off for %s', async (_what, grantPid, surface, why) => {
  const t = token();
  if (grantPid !== null) server.authorize(t, grantPid, ['tab:4'], []);
  const { client, lost } = await connect(t);
  client.submit(frame(surface, 1));
  await lost;
  expect(dropped.at(-1)).toMatch(why);
  expect(compositor.pixels(surface)).toBeNull();
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
  expect([...compositor.pixels('tab:7', { x: 200, y: 100, w: 1, h: 1 })!.data]).toEqual([220, 20, 60, 255]);
  expect([...compositor.pixels('tab:8', { x: 200, y: 100, w: 1, h: 1 })!.data]).toEqual([255, 255, 255, 255]);
  [pluginClient, a, b].forEach((c) => c.disconnect());
});

import { BrowserToRenderer, FrameSinkClientMessage, parseMessage, RendererToBrowser } from '../../src/common/protocol';
import { parseFrameSinkServerMessage } from '../../src/common/frameSinkServerMessages';
import { LIMITS } from '../../src/common/limits';

describe('protocol', () => {
  test('accepts a well-formed renderer message', () => {
    const r = parseMessage(RendererToBrowser, {
      type: 'resource-request',
      requestId: 1,
      tabId: 2,
      url: 'https://news.example/',
      destination: 'document',
    });
    expect(r.ok).toBe(true);
  });

  test.each([
    [null, /expected object|Invalid input/i],
    ['hello', /expected object|Invalid input/i],
    [{ type: 'no-such-message' }, /.+/],
    [{ type: 'resource-request', requestId: -1, tabId: 2, url: 'x' }, /requestId/],
    [
      { type: 'stats', threads: new Array(65).fill({ id: 'a', name: 'a', kind: 'main', busy: 0, state: 'running' }) },
      /threads/,
    ],
    [{ type: 'stats', threads: [{ id: 'a', name: 'a', kind: 'main', busy: 7, state: 'running' }] }, /busy/],
  ])('rejects %j with a reason', (raw, reason) => {
    const r = parseMessage(RendererToBrowser, raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  test('a frame may only name a pool by its id on the connection, and a well-formed surface', () => {
    const frame = {
      type: 'submit-frame',
      surfaceId: 'tab:1',
      seq: 1,
      size: { w: 100, h: 100 },
      poolId: 1,
      background: '#fff',
      quads: [
        {
          kind: 'tile',
          slot: 0,
          version: 1,
          rect: { x: 0, y: 0, w: 100, h: 100 },
          transform: [1, 0, 0, 1, 0, 0],
          opacity: 1,
        },
      ],
      damage: { x: 0, y: 0, w: 100, h: 100 },
    };
    expect(parseMessage(FrameSinkClientMessage, frame).ok).toBe(true);
    expect(parseMessage(FrameSinkClientMessage, { ...frame, poolId: '/minium.123.1' }).ok).toBe(false); // no names
    expect(parseMessage(FrameSinkClientMessage, { ...frame, poolId: -1 }).ok).toBe(false);
    expect(parseMessage(FrameSinkClientMessage, { ...frame, surfaceId: 'tab:1; drop' }).ok).toBe(false);
    expect(parseMessage(FrameSinkClientMessage, { ...frame, size: { w: 1e9, h: 1 } }).ok).toBe(false);
  });

  test('a client says hello with its descriptor channel’s key and announces pools of bounded size', () => {
    const hello = { type: 'hello', token: 'ab'.repeat(16), fdChannel: 'cd'.repeat(16) };
    expect(parseMessage(FrameSinkClientMessage, hello).ok).toBe(true);
    expect(parseMessage(FrameSinkClientMessage, { ...hello, fdChannel: undefined }).ok).toBe(false);
    const pool = { type: 'did-allocate-pool', poolId: 1, slots: 160 };
    expect(parseMessage(FrameSinkClientMessage, pool).ok).toBe(true);
    expect(parseMessage(FrameSinkClientMessage, { ...pool, slots: 4097 }).ok).toBe(false);
    expect(parseMessage(FrameSinkClientMessage, { type: 'did-delete-pool', poolId: 1 }).ok).toBe(true);
  });

  test('browser → renderer messages are checked by the renderer too', () => {
    expect(parseMessage(BrowserToRenderer, { type: 'crash-thread', threadId: 'main', how: 'segfault' }).ok).toBe(true);
    expect(parseMessage(BrowserToRenderer, { type: 'crash-thread', threadId: 'main', how: 'explode' }).ok).toBe(false);
  });
});

describe("the display compositor's replies to a frame sink client (schema without zod)", () => {
  test.each([
    [{ type: 'welcome' }, { type: 'welcome' }],
    [
      { type: 'granted', surfaces: ['tab:1', 'plugin:7'] },
      { type: 'granted', surfaces: ['tab:1', 'plugin:7'] },
    ],
    [
      { type: 'frame-ack', surfaceId: 'tab:3', seq: 0, extra: 1 },
      { type: 'frame-ack', surfaceId: 'tab:3', seq: 0 },
    ],
  ])('accepts %j, keeping only the known fields', (raw, value) => {
    expect(parseFrameSinkServerMessage(raw)).toEqual({ ok: true, value });
  });

  test.each([
    [null, /object/],
    [['welcome'], /object/],
    [{ type: 'hello' }, /type/],
    [{ type: 'granted' }, /surfaces/],
    [{ type: 'granted', surfaces: ['tab:1', 'window:2'] }, /surfaces\.1/],
    [{ type: 'granted', surfaces: new Array(LIMITS.surfacesPerGrant + 1).fill('tab:1') }, /surfaces/],
    [{ type: 'frame-ack', surfaceId: 'tab:x', seq: 1 }, /surfaceId/],
    [{ type: 'frame-ack', surfaceId: 'tab:1', seq: -1 }, /seq/],
    [{ type: 'frame-ack', surfaceId: 'tab:1', seq: 1.5 }, /seq/],
    [{ type: 'frame-ack', surfaceId: 'tab:1', seq: 2 ** 53 }, /seq/],
  ])('rejects %j with a reason', (raw, reason) => {
    const r = parseFrameSinkServerMessage(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

/**
 * The connect-back listener on real Unix sockets: a matched token hands the connection over with
 * whatever followed the token; a token is good once; connections still saying nothing are capped;
 * closing removes the private directory.
 */
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { LIMITS } from '../../src/common/limits';
import { ChildChannelServer } from '../../src/platform/ChildChannelServer';
import { CHANNEL_PATH_ARG, CHANNEL_TOKEN_ARG } from '../../src/platform/ChildProcess';
import { encodeMessage, MessageDecoder } from '../../src/platform/MessageFraming';

const argOf = (args: string[], name: string) => args.find((a) => a.startsWith(`--${name}=`))!.split('=')[1];
const hello = (token: string) => encodeMessage({ type: 'channel-token', token });

let server: ChildChannelServer;
beforeEach(() => (server = new ChildChannelServer()));
afterEach(() => server.close());

/** Messages the matched connection carries, the bytes that came with the token first. */
function channelOf(count: number) {
  let matches = 0;
  let resolve: (m: object[]) => void = () => undefined;
  const messages = new Promise<object[]>((r) => (resolve = r));
  const { args } = server.expect((socket, rest) => {
    matches++;
    const decoder = new MessageDecoder();
    const got: object[] = [];
    const take = (m: object[]) => (got.push(...m), got.length === count && resolve(got));
    take(decoder.push(rest));
    socket.on('data', (d: Buffer) => take(decoder.push(d)));
    socket.resume();
  });
  return {
    socketPath: argOf(args, CHANNEL_PATH_ARG),
    token: argOf(args, CHANNEL_TOKEN_ARG),
    messages,
    matches: () => matches,
  };
}

test('the token and the frames written with it arrive as a channel, in order', async () => {
  const other = channelOf(1); // another child's token: its channel must stay unmatched
  const mine = channelOf(3);
  const client = net.connect(mine.socketPath);
  client.write(Buffer.concat([hello(mine.token), encodeMessage({ n: 1 }), encodeMessage({ n: 2 })]));
  client.write(encodeMessage({ n: 3 }));
  expect(await mine.messages).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  expect(other.matches()).toBe(0);
  client.destroy();
});

test('a token is good once: a second connection presenting it is closed unmatched', async () => {
  const mine = channelOf(1);
  const first = net.connect(mine.socketPath);
  first.write(Buffer.concat([hello(mine.token), encodeMessage({ n: 1 })]));
  await mine.messages;
  const second = net.connect(mine.socketPath);
  second.write(hello(mine.token));
  await once(second, 'close');
  expect(mine.matches()).toBe(1);
  first.destroy();
});

test(`past ${LIMITS.channelHandshakesPending} silent connections, the next is closed at once`, async () => {
  const { socketPath } = channelOf(1);
  const silent = await Promise.all(
    Array.from({ length: LIMITS.channelHandshakesPending }, async () => {
      const s = net.connect(socketPath);
      await once(s, 'connect');
      return s;
    }),
  );
  const extra = net.connect(socketPath);
  await once(extra, 'close');
  expect(silent.every((s) => !s.destroyed)).toBe(true);
  silent.forEach((s) => s.destroy());
});

test('closing removes the socket and its private directory', () => {
  const { socketPath } = channelOf(1);
  const dir = path.dirname(socketPath);
  expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  server.close();
  expect(fs.existsSync(dir)).toBe(false);
});

/**
 * The connect-back channel, which carries every child's frames under Electron (no inherited
 * descriptor there), exercised under Node through the Node launcher's test-only option: a real
 * renderer connects back, presents its one-time token, renders a page on that channel, and when
 * it turns hostile on it (a real SIGUSR2 wakes the attack module) it is killed as a bad message
 * while the browser lives with its memory. A connection that presents any other token is refused.
 */
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Browser } from '../../src/browser/Browser';
import type { BrowserEvent } from '../../src/common/controlApi';
import { LIMITS } from '../../src/common/limits';
import {
  CHANNEL_PATH_ARG,
  CHANNEL_TOKEN_ARG,
  type ChildLauncher,
  type ChildProcessHandle,
  type LaunchOptions,
} from '../../src/platform/ChildProcess';
import { encodeMessage } from '../../src/platform/MessageFraming';
import { NodeChildLauncher } from '../../src/platform/node/NodeChildLauncher';
import { TEST_ATTACK_ARG } from '../../src/platform/child/sandboxSelf';
import { CHANNEL_ATTACK_ARG, CHANNEL_ATTACKS } from '../fixtures/channelAttacks';
import { alive, keepsPresenting, openLive, rss, startBrowser, waitFor } from './helpers';

const ATTACK_MODULE = path.join(__dirname, '../fixtures/channelAttacks.js');

/** Test-only: every child connects back; the next renderer launched gets the attack module. */
class ConnectBackLauncher implements ChildLauncher {
  readonly kind = 'node';
  nextAttack = '';
  private readonly inner = new NodeChildLauncher({ connectBack: true });

  launch(o: LaunchOptions): ChildProcessHandle {
    const attack = o.args.includes('--minium-role=renderer') ? this.nextAttack : '';
    const args = attack
      ? [...o.args, `--${TEST_ATTACK_ARG}=${ATTACK_MODULE}`, `--${CHANNEL_ATTACK_ARG}=${attack}`]
      : o.args;
    return this.inner.launch({ ...o, args });
  }
}

function argOf(pid: number, name: string): string {
  const prefix = `--${name}=`;
  const arg = fs
    .readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    .split('\0')
    .find((a) => a.startsWith(prefix));
  if (!arg) throw new Error(`process ${pid} has no ${prefix} argument`);
  return arg.slice(prefix.length);
}

/** Connects to the channel socket, writes `bytes`, and resolves with what came back before it closed. */
async function knock(socketPath: string, bytes: Buffer): Promise<number> {
  const socket = net.connect(socketPath);
  let answered = 0;
  socket.on('data', (d: Buffer) => (answered += d.length));
  socket.on('error', () => undefined); // the refusal may reset the connection: 'close' follows
  socket.write(bytes);
  await once(socket, 'close');
  return answered;
}

describe('the connect-back channel (as under Electron), under the Node launcher', () => {
  if (process.platform !== 'linux') return test.skip('needs Linux (/proc, the sandbox)', () => undefined);
  let b: Browser;
  let launcher: ConnectBackLauncher;
  let honest: { id: number; pid: number };
  const badMessages: Extract<BrowserEvent, { type: 'bad-message' }>[] = [];

  beforeAll(async () => {
    launcher = new ConnectBackLauncher();
    b = await startBrowser({ launcher });
    b.onEvent((e) => e.type === 'bad-message' && badMessages.push(e));
    const tab = await openLive(b, 'https://orbit.example/');
    honest = { id: tab.id, pid: tab.pid! };
  }, 60000);

  afterAll(() => b.shutdown());

  test('a renderer connects to a socket in a private directory and renders a page on it', async () => {
    expect(argOf(honest.pid, CHANNEL_PATH_ARG)).toMatch(/minium-channel-.*\/c$/);
    expect(fs.statSync(path.dirname(argOf(honest.pid, CHANNEL_PATH_ARG))).mode & 0o777).toBe(0o700);
    expect(await keepsPresenting(b, honest.id)).toBe(true);
  });

  // A site per attack, so each attacker is a fresh renderer that has rendered its page.
  const sites = ['news.example', 'article.example', 'gradients.example'];
  test.each(CHANNEL_ATTACKS.map(([attack, what, why], i) => [attack, what, sites[i], why] as const))(
    '%s (%s) from a renderer that rendered %s kills it as a bad message; the browser lives, its memory unchanged',
    async (attack, _what, site, why) => {
      launcher.nextAttack = attack;
      const tab = await openLive(b, `https://${site}/`);
      launcher.nextAttack = '';
      const pid = tab.pid!;
      const before = rss();
      process.kill(pid, 'SIGUSR2');
      const bad = await waitFor(() => badMessages.find((e) => e.pid === pid), `renderer ${pid} to be a bad message`);
      expect(bad.reason).toMatch(why);
      await waitFor(() => !alive(pid), `renderer ${pid} to be gone`);
      expect(Math.abs(rss() - before) / before).toBeLessThan(0.1);
      await b.activateTab(honest.id); // the attacker's tab, opened last, was the one shown
      expect(await keepsPresenting(b, honest.id)).toBe(true);
    },
    60000,
  );

  test('a connection with a wrong or an already used token is refused; the child it claims is unaffected', async () => {
    const socketPath = argOf(honest.pid, CHANNEL_PATH_ARG);
    const usedToken = argOf(honest.pid, CHANNEL_TOKEN_ARG);
    const hello = (token: string) => encodeMessage({ type: 'channel-token', token });
    const oversized = Buffer.alloc(4);
    oversized.writeUInt32BE(LIMITS.channelTokenFrameBytes + 1);
    // Each is closed without a byte in answer, and a pretender's frames after the token go nowhere.
    expect(await knock(socketPath, hello(randomBytes(16).toString('hex')))).toBe(0);
    expect(await knock(socketPath, Buffer.concat([hello(usedToken), encodeMessage({ type: 'log' })]))).toBe(0);
    expect(await knock(socketPath, oversized)).toBe(0);
    expect(await knock(socketPath, encodeMessage({ type: 'ready', pid: honest.pid }))).toBe(0);
    expect(alive(honest.pid)).toBe(true);
    expect(badMessages.filter((e) => e.pid === honest.pid)).toEqual([]);
    expect(await keepsPresenting(b, honest.id)).toBe(true);
  });
});

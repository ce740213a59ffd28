/**
 * Children that abuse their channel to the browser, launched through the real launcher and
 * ChildProcessHost: each is killed as a bad message with a readable reason, and this process —
 * the browser here — lives on with its memory unchanged.
 */
import { LIMITS } from '../../src/common/limits';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Socket } from 'node:net';
import * as path from 'node:path';
import { ChildProcessHost, type Gone } from '../../src/browser/ChildProcessHost';
import { RendererToBrowser } from '../../src/common/protocol';
import { CHILD_CHANNEL_FD } from '../../src/platform/ChildProcess';
import { NodeChildLauncher } from '../../src/platform/node/NodeChildLauncher';
import { MessageDecoder } from '../../src/platform/MessageFraming';
import { CHANNEL_ATTACKS } from '../fixtures/channelAttacks';
import { rss } from './helpers';

function host(entry: string, mode: string) {
  const h = new ChildProcessHost({
    role: 'renderer',
    title: `fixture ${mode}`,
    entry,
    extraArgs: [`--mode=${mode}`],
    schema: RendererToBrowser,
    launcher: new NodeChildLauncher(),
    sandbox: true,
  });
  const gone = new Promise<Gone>((r) => h.onGone(r));
  const bad: string[] = [];
  const titles: string[] = [];
  h.onBadMessage((reason) => bad.push(reason));
  h.onMessage((m) => m.type === 'tab-loaded' && titles.push(m.title));
  h.start();
  return { h, gone, bad, titles };
}

const hostile = (mode: string) => host('../test/fixtures/hostileChannel.js', mode);

describe('a child that abuses its channel', () => {
  test.each(CHANNEL_ATTACKS)(
    '%s (%s) is killed as a bad message; the browser keeps its memory',
    async (mode, _what, why) => {
      const before = rss();
      const { gone, bad } = hostile(mode);
      expect((await gone).reason).toBe('killed');
      expect(bad).toHaveLength(1);
      expect(bad[0]).toMatch(why);
      expect(Math.abs(rss() - before) / before).toBeLessThan(0.1);

      // The browser still launches and hears an honest child.
      const honest = host('../test/fixtures/child.js', 'ready');
      await new Promise((r) => honest.h.onReady(r));
      await honest.h.shutdown();
    },
    60000,
  );

  test('an honest frame of exactly the limit, and the next one, still arrive', async () => {
    const { h, gone, bad, titles } = hostile('at-limit');
    await new Promise<void>((resolve) => h.onMessage(() => titles.length === 2 && resolve()));
    expect(titles).toEqual(['at the limit', 'after the big one']);
    expect(bad).toEqual([]);
    expect(h.state).toBe('ready');
    h.kill();
    expect((await gone).reason).toBe('killed');
  });
});

describe('a child that floods its stdout and stderr', () => {
  test('reaches the browser’s stderr rate-limited, with a note, and never the browser’s stdout', async () => {
    const started = performance.now();
    const browser = spawn(process.execPath, [path.join(__dirname, '../fixtures/floodedBrowser.js')], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MINIUM_CHILD_STDERR: 'relay' },
    });
    const flood = { stdout: 0, stderr: 0 };
    let stderr = '';
    browser.stdout!.on('data', (d: Buffer) => (flood.stdout += d.toString().split('x').length - 1));
    browser.stderr!.on('data', (d: Buffer) => {
      flood.stderr += d.toString().split('x').length - 1;
      stderr = (stderr + d.toString()).slice(-65536);
    });
    const [code] = (await once(browser, 'exit')) as [number | null];
    const seconds = (performance.now() - started) / 1000;
    expect(code).toBe(0);
    // 32 MiB were written; what passes is the relay's rate for as long as the flood lasted.
    expect(flood.stdout).toBe(0);
    expect(flood.stderr).toBeGreaterThan(0);
    expect(flood.stderr).toBeLessThanOrEqual(LIMITS.stderrBytesPerSecond * (Math.ceil(seconds) + 1));
    expect(stderr).toMatch(/lines of stderr dropped/);
  }, 60000);
});

/** The fixture child on a raw channel, so the test can be the broken browser. */
async function rawChild() {
  const child = spawn(process.execPath, [path.join(__dirname, '../fixtures/child.js'), '--mode=ready'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const channel = child.stdio[CHILD_CHANNEL_FD] as Socket;
  const decoder = new MessageDecoder();
  const messages: object[] = [];
  while (!messages.length) messages.push(...decoder.push(((await once(channel, 'data')) as [Buffer])[0]));
  expect(messages).toEqual([{ type: 'ready', pid: child.pid, sandbox: expect.objectContaining({ os: 'on' }) }]);
  const exit = once(child, 'exit') as Promise<[number | null, string | null]>;
  return { channel, exit, stderr: () => stderr };
}

describe('a child whose channel to the browser breaks', () => {
  test('a frame over the limit from the browser ends the child, saying why', async () => {
    const { channel, exit, stderr } = await rawChild();
    const header = Buffer.alloc(4);
    header.writeUInt32BE(LIMITS.browserFrameBytes + 1);
    channel.write(header);
    expect((await exit)[0]).toBe(1);
    expect(stderr()).toContain(
      `the browser's channel is corrupt (a frame of ${LIMITS.browserFrameBytes + 1} bytes exceeds`,
    );
  });

  test('the channel closing ends the child at once (the browser is gone)', async () => {
    const { channel, exit } = await rawChild();
    channel.destroy();
    expect(await exit).toEqual([0, null]);
  });
});

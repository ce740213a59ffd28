/**
 * The child's side of its channel to the browser process: a Unix stream socket carrying
 * length-prefixed frames (`MessageFraming.ts`) in both directions. Under the Node launcher it is
 * fd 3; under Electron's utilityProcess, which passes no extra descriptor, the child connects back
 * to the browser's socket and presents its one-time token first (never process.parentPort, which
 * would hand the browser whole structured-cloned messages before any length check). Connect before
 * sandboxing. Also binds the child's life to the parent's: when the browser process dies, by any
 * means, the child exits within a second.
 */
import { boundByKernel } from './parentLifetime'; // first: the kernel's parent-death signal, before anything else loads
import { LIMITS } from '../../common/limits';
import { connect, Socket } from 'node:net';
import type { ChannelToken } from '../../common/protocol';
import { FrameReader } from '../FrameReader';
import { encodeMessage } from '../MessageFraming';
import { CHANNEL_PATH_ARG, CHANNEL_TOKEN_ARG, CHILD_CHANNEL_FD } from '../ChildProcess';

/** The channel to the browser; `Out` is the child's own message union, so what it sends is checked here too. */
export interface ParentChannel<Out = unknown> {
  send(message: Out): void;
  onMessage(listener: (message: unknown) => void): void;
}

export function argValue(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

export function connectToParent<Out = unknown>(): ParentChannel<Out> {
  watchParent();
  const reader = new FrameReader(LIMITS.browserFrameBytes);
  reader.onCorrupt((reason) => {
    // Only a broken browser sends a corrupt frame; nothing after it can be trusted.
    process.stderr.write(`[${process.pid}] the browser's channel is corrupt (${reason}); exiting\n`);
    process.exit(1);
  });
  const channelPath = argValue(CHANNEL_PATH_ARG);
  const socket = channelPath ? connectBack(channelPath) : openBrowserSocket();
  socket.on('data', (chunk) => reader.read(chunk));
  // The channel closing is the fast "browser is gone" signal.
  socket.on('close', () => process.exit(0));
  socket.on('error', () => process.exit(0));
  return {
    onMessage: (l) => void reader.onMessage(l),
    send: (m) => {
      if (socket.writable) socket.write(encodeMessage(m, LIMITS.childFrameBytes));
    },
  };
}

function openBrowserSocket(): Socket {
  try {
    return new Socket({ fd: CHILD_CHANNEL_FD, readable: true, writable: true });
  } catch (e) {
    throw new Error(
      `This is a Minium child process; it must be started by the browser process (no channel on fd ` +
        `${CHILD_CHANNEL_FD}: ${(e as Error).message}).`,
      { cause: e },
    );
  }
}

/**
 * Connects to the browser's channel socket and presents the token, first thing: the socket is made
 * and connected here, synchronously (a Unix socket connects at once or fails), before the sandbox.
 */
function connectBack(socketPath: string): Socket {
  const socket = connect(socketPath);
  const token: ChannelToken = { type: 'channel-token', token: argValue(CHANNEL_TOKEN_ARG) ?? '' };
  socket.write(encodeMessage(token, LIMITS.channelTokenFrameBytes));
  let connected = false;
  socket.once('connect', () => (connected = true));
  socket.once('error', (e) => {
    if (connected) return; // later errors mean the browser is gone, handled with the channel's close
    process.stderr.write(`[${process.pid}] cannot connect to the browser's channel at ${socketPath}: ${e.message}\n`);
    process.exit(1);
  });
  return socket;
}

/**
 * The kernel's parent-death signal is the fastest; the channel closing is next; polling catches
 * the rest (a SIGKILLed Electron main, a platform without the signal), and only polls there.
 * The parent may not be our direct parent (Chromium can launch through a helper), so being
 * re-parented, or the browser's PID vanishing, both mean the browser is gone.
 */
function watchParent(): void {
  const browser = Number(argValue('minium-parent-pid'));
  if (!browser || boundByKernel) return;
  const firstParent = process.ppid;
  const timer = setInterval(() => {
    try {
      process.kill(browser, 0);
    } catch (e) {
      // EPERM: the browser lives, but the sandbox (Landlock's signal scope) forbids signalling it.
      if ((e as NodeJS.ErrnoException).code !== 'EPERM') process.exit(0);
    }
    if (process.platform !== 'win32' && process.ppid !== firstParent) process.exit(0);
  }, 250);
  timer.unref();
}

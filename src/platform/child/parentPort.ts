/**
 * The child's side of its channel to the browser process: process.parentPort under Electron's
 * utilityProcess, the socket on fd 3 under the Node launcher. Both carry length-prefixed frames
 * (`MessageFraming.ts`) in both directions. Also binds the child's life to the parent's: when
 * the browser process dies, by any means, the child exits within a second.
 */
import { boundByKernel } from './parentLifetime'; // first: the kernel's parent-death signal, before anything else loads
import { LIMITS } from '../../common/limits';
import { Socket } from 'node:net';
import { FrameReader } from '../FrameReader';
import { encodeMessage } from '../MessageFraming';
import { CHILD_CHANNEL_FD } from '../ChildProcess';

interface ElectronParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

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
  const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  watchParent();
  const reader = new FrameReader(LIMITS.browserFrameBytes);
  reader.onCorrupt((reason) => {
    // Only a broken browser sends a corrupt frame; nothing after it can be trusted.
    process.stderr.write(`[${process.pid}] the browser's channel is corrupt (${reason}); exiting\n`);
    process.exit(1);
  });
  const channel = { onMessage: (l: (m: unknown) => void) => void reader.onMessage(l) };
  if (electronPort) {
    electronPort.on('message', (e) => reader.read(e.data));
    return { ...channel, send: (m) => electronPort.postMessage(encodeMessage(m, LIMITS.childFrameBytes)) };
  }
  const socket = openBrowserSocket();
  socket.on('data', (chunk) => reader.read(chunk));
  // The channel closing is the fast "browser is gone" signal.
  socket.on('close', () => process.exit(0));
  socket.on('error', () => process.exit(0));
  return {
    ...channel,
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

import { spawn } from 'node:child_process';
import { LIMITS } from '../../common/limits';
import type { Socket } from 'node:net';
import {
  CHILD_CHANNEL_FD,
  type ChildExit,
  type ChildLauncher,
  type ChildProcessHandle,
  type LaunchOptions,
} from '../ChildProcess';
import { ChannelTraffic } from '../ChannelTraffic';
import { FrameReader } from '../FrameReader';
import { encodeMessage } from '../MessageFraming';
import { StderrTail } from '../StderrTail';

/**
 * Launches children as `node [execArgv] entry [args]`: the Node shell, and the tests. The channel
 * is a Unix socketpair (the child's fd 3) carrying length-prefixed frames, not Node's 'ipc'
 * channel, whose own parser would buffer (and throw on) whatever a child writes before we could
 * check it. `spawn`, not `fork`: fork insists on an 'ipc' entry.
 */
export class NodeChildLauncher implements ChildLauncher {
  readonly kind = 'node' as const;

  launch(options: LaunchOptions): ChildProcessHandle {
    const child = spawn(process.execPath, [...options.execArgv, options.entry, ...options.args], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      // Under Electron's Node, execPath is the Electron binary: run it as Node, as fork() would.
      env: process.versions.electron ? { ...process.env, ELECTRON_RUN_AS_NODE: '1' } : process.env,
    });
    const name = () => `${options.serviceName} ${child.pid ?? '?'}`;
    const stderr = new StderrTail(child.stderr, name);
    stderr.relay(child.stdout);
    const channel = child.stdio[CHILD_CHANNEL_FD] as Socket;
    let exited = false;
    const exitListeners: ((e: ChildExit) => void)[] = [];
    const reader = new FrameReader(LIMITS.childFrameBytes);
    const traffic = new ChannelTraffic();
    reader.onMessage(() => traffic.countReceivedMessage());
    // Stop reading at once: what follows a corrupt frame is never buffered.
    reader.onCorrupt(() => channel.destroy());
    channel.on('data', (chunk: Buffer) => {
      traffic.countReceivedBytes(chunk.length);
      reader.read(chunk);
    });
    channel.on('error', (err: NodeJS.ErrnoException) => {
      // A reset or broken pipe means the child died: its 'exit' reports that, with the reason.
      if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE')
        process.stderr.write(`[browser] channel to ${name()}: ${err.message}\n`);
    });
    const finish = (e: ChildExit) => {
      if (exited) return;
      exited = true;
      // stderr may still hold the last words (an OOM report); let it drain first.
      setImmediate(() => exitListeners.forEach((l) => l(e)));
    };
    child.on('exit', (code, signal) => finish({ code, signal }));
    child.on('error', (err) => {
      // 'error' without a pid means the launch itself failed.
      if (child.pid === undefined) finish({ code: null, signal: null, reason: `launch-failed: ${err.message}` });
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => {
        if (channel.destroyed || !channel.writable) return false;
        const frame = encodeMessage(message, LIMITS.browserFrameBytes);
        traffic.countSent(frame.length);
        channel.write(frame);
        return true;
      },
      onMessage: reader.onMessage,
      onBadFrame: reader.onCorrupt,
      onExit: (l) => exitListeners.push(l),
      onSpawn: (l) => child.on('spawn', () => l(child.pid as number)),
      stderrTail: () => stderr.text(),
      kill: (signal) => child.kill(signal),
      traffic: () => traffic.snapshot(),
    };
  }
}

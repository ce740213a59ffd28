import { app, utilityProcess } from 'electron';
import { LIMITS } from '../../common/limits';
import type { Readable } from 'node:stream';
import type { ChildExit, ChildLauncher, ChildProcessHandle, LaunchOptions } from '../ChildProcess';
import { ChannelTraffic } from '../ChannelTraffic';
import { FrameReader } from '../FrameReader';
import { encodeMessage } from '../MessageFraming';
import { StderrTail } from '../StderrTail';

/**
 * Launches children with Electron's utilityProcess.fork, as Chromium launches its utility
 * processes. The exit reason comes from app's child-process-gone event, matched by service name
 * and PID, as VS Code's UtilityProcess does; the exit code alone is the fallback.
 * Messages are the same length-prefixed frames as under Node, posted as bytes and read by the same
 * FrameReader: Electron has already copied a posted message into this process, but nothing is
 * parsed before its length is checked, and anything but a frame within the limit is a bad frame.
 */
export class UtilityProcessLauncher implements ChildLauncher {
  readonly kind = 'electron' as const;
  private readonly goneReasons = new Map<number, string>();

  constructor() {
    app.on('child-process-gone', (_event, details) => {
      const pid = [...this.live.keys()].find((p) => this.live.get(p) === details.serviceName);
      if (pid !== undefined) this.goneReasons.set(pid, details.reason);
    });
  }

  private readonly live = new Map<number, string>();
  private serial = 0;

  launch(options: LaunchOptions): ChildProcessHandle {
    // A unique service name lets child-process-gone be matched to this very child.
    const serviceName = `${options.serviceName} #${++this.serial}`;
    const child = utilityProcess.fork(options.entry, options.args, {
      execArgv: options.execArgv,
      serviceName,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderr = new StderrTail(
      child.stderr as unknown as Readable,
      () => `${options.serviceName} ${child.pid ?? '?'}`,
    );
    stderr.relay(child.stdout as unknown as Readable);
    const exitListeners: ((e: ChildExit) => void)[] = [];
    const reader = new FrameReader(LIMITS.childFrameBytes);
    const traffic = new ChannelTraffic();
    reader.onMessage(() => traffic.countReceivedMessage());
    child.on('message', (data: unknown) => {
      if (data instanceof Uint8Array) traffic.countReceivedBytes(data.byteLength);
      reader.read(data);
    });
    let pid: number | undefined;
    child.on('spawn', () => {
      pid = child.pid;
      if (pid !== undefined) this.live.set(pid, serviceName);
    });
    child.on('exit', (code) => {
      // child-process-gone is emitted around the same time; give it a tick to arrive.
      setTimeout(() => {
        const reason = pid !== undefined ? this.goneReasons.get(pid) : undefined;
        if (pid !== undefined) {
          this.live.delete(pid);
          this.goneReasons.delete(pid);
        }
        exitListeners.forEach((l) => l({ code, signal: null, reason }));
      }, 50);
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => {
        const frame = encodeMessage(message, LIMITS.browserFrameBytes);
        traffic.countSent(frame.length);
        child.postMessage(frame);
        return true;
      },
      onMessage: reader.onMessage,
      onBadFrame: reader.onCorrupt,
      onExit: (l) => exitListeners.push(l),
      onSpawn: (l) => child.on('spawn', () => l(child.pid as number)),
      stderrTail: () => stderr.text(),
      kill: (signal) => (signal && child.pid ? (process.kill(child.pid, signal), true) : child.kill()),
      traffic: () => traffic.snapshot(),
    };
  }
}

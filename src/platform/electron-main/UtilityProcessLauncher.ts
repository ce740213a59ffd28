import { app, utilityProcess } from 'electron';
import type { Readable } from 'node:stream';
import type { ChildExit, ChildLauncher, ChildProcessHandle, LaunchOptions } from '../ChildProcess';
import { ChildChannelServer } from '../ChildChannelServer';
import { ChildSocketChannel } from '../ChildSocketChannel';
import { StderrTail } from '../StderrTail';

/**
 * Launches children with Electron's utilityProcess.fork, as Chromium launches its utility
 * processes. The exit reason comes from app's child-process-gone event, matched by service name
 * and PID, as VS Code's UtilityProcess does; the exit code alone is the fallback.
 * Messages never travel on parentPort: Electron would structure-clone a posted message into this
 * process, whatever its size, before any check of ours. The child connects back to a Unix socket
 * of ours instead (ChildChannelServer), and its frames are read from that stream, each length
 * checked before anything is allocated, exactly as fd 3 under the Node launcher.
 */
export class UtilityProcessLauncher implements ChildLauncher {
  readonly kind = 'electron' as const;
  private readonly goneReasons = new Map<number, string>();
  private readonly channels = new ChildChannelServer();

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
    let name = () => `${options.serviceName} ?`;
    const channel = new ChildSocketChannel(() => name());
    const expected = this.channels.expect((socket, rest) => channel.attach(socket, rest));
    const child = utilityProcess.fork(options.entry, [...options.args, ...expected.args], {
      execArgv: options.execArgv,
      serviceName,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    name = () => `${options.serviceName} ${child.pid ?? '?'}`;
    const stderr = new StderrTail(child.stderr as unknown as Readable, name);
    stderr.relay(child.stdout as unknown as Readable);
    const exitListeners: ((e: ChildExit) => void)[] = [];
    let pid: number | undefined;
    child.on('spawn', () => {
      pid = child.pid;
      if (pid !== undefined) this.live.set(pid, serviceName);
    });
    child.on('exit', (code) => {
      expected.cancel();
      channel.close();
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
      send: (message) => channel.send(message),
      onMessage: channel.onMessage,
      onBadFrame: channel.onBadFrame,
      onExit: (l) => exitListeners.push(l),
      onSpawn: (l) => child.on('spawn', () => l(child.pid as number)),
      stderrTail: () => stderr.text(),
      kill: (signal) => (signal && child.pid ? (process.kill(child.pid, signal), true) : child.kill()),
      traffic: () => channel.traffic(),
    };
  }
}

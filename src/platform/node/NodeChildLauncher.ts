import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import {
  CHILD_CHANNEL_FD,
  type ChildExit,
  type ChildLauncher,
  type ChildProcessHandle,
  type LaunchOptions,
} from '../ChildProcess';
import { ChildChannelServer, type ExpectedChild } from '../ChildChannelServer';
import { ChildSocketChannel } from '../ChildSocketChannel';
import { StderrTail } from '../StderrTail';
import { withParentDeathSignal } from './parentDeathLaunch';

export interface NodeLauncherOptions {
  /**
   * Test-only, never set by the shells: children connect back to a socket of the launcher's, as
   * under Electron, instead of inheriting fd 3, so that channel is exercised where Electron cannot run.
   */
  connectBack?: boolean;
}

/**
 * Launches children as `node [execArgv] entry [args]`: the Node shell, and the tests. The channel
 * is a Unix socketpair (the child's fd 3) carrying length-prefixed frames, not Node's 'ipc'
 * channel, whose own parser would buffer (and throw on) whatever a child writes before we could
 * check it. `spawn`, not `fork`: fork insists on an 'ipc' entry.
 */
export class NodeChildLauncher implements ChildLauncher {
  readonly kind = 'node' as const;
  private readonly server: ChildChannelServer | null;

  constructor(options: NodeLauncherOptions = {}) {
    this.server = options.connectBack ? new ChildChannelServer() : null;
  }

  launch(options: LaunchOptions): ChildProcessHandle {
    let name = () => `${options.serviceName} ?`;
    const channel = new ChildSocketChannel(() => name());
    const expected: ExpectedChild | null = this.server?.expect((socket, rest) => channel.attach(socket, rest)) ?? null;
    const command = withParentDeathSignal({
      file: process.execPath,
      args: [...options.execArgv, options.entry, ...options.args, ...(expected?.args ?? [])],
    });
    const child = spawn(command.file, command.args, {
      stdio: ['ignore', 'pipe', 'pipe', ...(expected ? [] : ['pipe' as const])],
      // Under Electron's Node, execPath is the Electron binary: run it as Node, as fork() would.
      env: process.versions.electron ? { ...process.env, ELECTRON_RUN_AS_NODE: '1' } : process.env,
    });
    name = () => `${options.serviceName} ${child.pid ?? '?'}`;
    const stderr = new StderrTail(child.stderr, name);
    stderr.relay(child.stdout);
    if (!expected) channel.attach(child.stdio[CHILD_CHANNEL_FD] as Socket);
    let exited = false;
    const exitListeners: ((e: ChildExit) => void)[] = [];
    const finish = (e: ChildExit) => {
      if (exited) return;
      exited = true;
      expected?.cancel();
      channel.close();
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
      send: (message) => channel.send(message),
      onMessage: channel.onMessage,
      onBadFrame: channel.onBadFrame,
      onExit: (l) => exitListeners.push(l),
      onSpawn: (l) => child.on('spawn', () => l(child.pid as number)),
      stderrTail: () => stderr.text(),
      kill: (signal) => child.kill(signal),
      traffic: () => channel.traffic(),
    };
  }
}

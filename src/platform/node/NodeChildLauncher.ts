import { fork } from 'node:child_process';
import type { ChildExit, ChildLauncher, ChildProcessHandle, LaunchOptions } from '../ChildProcess';
import { StderrTail } from '../StderrTail';

/** Launches children with child_process.fork: the Node shell, and the tests. */
export class NodeChildLauncher implements ChildLauncher {
  readonly kind = 'node' as const;

  launch(options: LaunchOptions): ChildProcessHandle {
    const child = fork(options.entry, options.args, {
      execArgv: options.execArgv,
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      serialization: 'json',
    });
    const stderr = new StderrTail(child.stderr, () => `${options.serviceName} ${child.pid ?? '?'}`);
    let exited = false;
    const exitListeners: ((e: ChildExit) => void)[] = [];
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
        if (!child.connected) return false;
        child.send(
          message as object,
          (err) =>
            err && process.stderr.write(`[browser] send to ${options.serviceName} ${child.pid}: ${err.message}\n`),
        );
        return true;
      },
      onMessage: (l) => child.on('message', l),
      onExit: (l) => exitListeners.push(l),
      onSpawn: (l) => child.on('spawn', () => l(child.pid as number)),
      stderrTail: () => stderr.text(),
      kill: (signal) => child.kill(signal),
    };
  }
}

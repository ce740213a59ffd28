/**
 * One interface over the two ways of starting a child: Node's child_process.fork and Electron's
 * utilityProcess.fork. The browser kernel only sees this.
 */
export interface ChildExit {
  code: number | null;
  signal: string | null;
  /** Set when the runtime reported the reason itself (Electron's child-process-gone, a failed launch). */
  reason?: string;
}

export interface LaunchOptions {
  /** Compiled entry script of the child. */
  entry: string;
  /** Marks the process for `ps`: --minium-role=renderer --minium-site=… */
  args: string[];
  execArgv: string[];
  /** Shown by Electron in app.getAppMetrics and child-process-gone. */
  serviceName: string;
}

export interface ChildProcessHandle {
  readonly pid: number | undefined;
  send(message: unknown): boolean;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once, when the process is gone (or failed to launch: code null, signal null). */
  onExit(listener: (exit: ChildExit) => void): void;
  onSpawn(listener: (pid: number) => void): void;
  /** Recent stderr, where V8 reports running out of memory. */
  stderrTail(): string;
  kill(signal?: NodeJS.Signals): boolean;
}

export interface ChildLauncher {
  readonly kind: 'node' | 'electron';
  launch(options: LaunchOptions): ChildProcessHandle;
}

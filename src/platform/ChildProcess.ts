/**
 * One interface over the two ways of starting a child: a plain `node` process (child_process.spawn)
 * and Electron's utilityProcess.fork. The browser kernel only sees this.
 */

import type { TrafficCounts } from './ChannelTraffic';

/** Under the Node launcher, the child's end of its channel to the browser (a Unix socketpair). */
export const CHILD_CHANNEL_FD = 3;
/**
 * Under Electron (and the Node launcher's connect-back option), the child has no fd 3: it connects
 * to this Unix socket path and presents this one-time token (ChildChannelServer.ts).
 */
export const CHANNEL_PATH_ARG = 'minium-channel';
export const CHANNEL_TOKEN_ARG = 'minium-channel-token';

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
  /** Frames and sends; false once the channel is gone. */
  send(message: unknown): boolean;
  /** Each message the child sent, decoded but not yet validated against a schema. */
  onMessage(listener: (message: object) => void): void;
  /** The child wrote something that is not a frame within the limit; nothing is read after it. */
  onBadFrame(listener: (reason: string) => void): void;
  /** Called once, when the process is gone (or failed to launch: code null, signal null). */
  onExit(listener: (exit: ChildExit) => void): void;
  onSpawn(listener: (pid: number) => void): void;
  /** Recent stderr, where V8 reports running out of memory. */
  stderrTail(): string;
  kill(signal?: NodeJS.Signals): boolean;
  /** Messages and bytes the channel carried so far, each way. */
  traffic(): TrafficCounts;
}

export interface ChildLauncher {
  readonly kind: 'node' | 'electron';
  launch(options: LaunchOptions): ChildProcessHandle;
}

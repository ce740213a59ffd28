/**
 * The messages between the GPU process's main thread (CrGpuMain: the browser's IPC, the watchdog,
 * crash and hang orders) and its VizCompositorThread (the display compositor, its frame sinks and
 * the display WebSocket). Types only: both ends are this process's own code.
 */
import type { GpuToBrowser, ThreadHeap } from '../../common/protocol';
import type { VizService } from '../../viz/service/VizService';
import type { VizSockets } from '../../viz/service/VizSockets';

export interface VizThreadData {
  owner: string;
  /** Listening sockets the main thread opened before the sandbox; null: the thread opens its own. */
  sockets: VizSockets | null;
  /** The process was already tracing when the thread started. */
  tracing: boolean;
}

export type ToViz =
  | { type: 'authorize-display'; token: string }
  /** The main thread reports to the browser: the compositor's frame counts and heap come along. */
  | { type: 'report' }
  | { type: 'handle'; order: Parameters<VizService['handle']>[0] }
  | { type: 'close' };

/** What the compositor says for the browser goes on unchanged; the rest is for the main thread. */
export type FromViz =
  | Extract<GpuToBrowser, { type: 'presentation-stats' | 'input-presented' }>
  | { type: 'listening'; frameSinkAddress: string; displayPort: number }
  | { type: 'heap'; heap: ThreadHeap }
  | { type: 'log'; message: string };

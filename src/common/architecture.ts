/**
 * The architecture view's graph (`GET /api/architecture`): every process as a box with its
 * threads, every channel between processes as an edge with what it carries. Built in the browser
 * process from the Task Manager's list, the channels' counters and the display compositor's
 * report (`src/browser/ArchitectureGraph.ts`); drawn by the window (`renderer/src/ArchitectureView.ts`).
 */
import type { DisplayInfo, ProcessInfo, TabInfo } from './controlApi';

/** What crossed an edge one way: totals since it opened, and the rate over the last second or so. */
export interface Flow {
  messages: number;
  bytes: number;
  messagesPerSecond: number;
  bytesPerSecond: number;
}

/**
 * - `ipc`: the browser ↔ child channel (framed messages over a socketpair or Electron's port);
 * - `frame-sink`: a frame producer (a renderer's compositor thread, a plugin) → the display compositor, direct;
 * - `tile-pool`: shared memory (memfd) mapped by both ends: the producer writes tiles, the display compositor reads;
 * - `embed`: a plugin's surface shown inside a tab (composited by the display compositor).
 */
export type ArchitectureEdgeKind = 'ipc' | 'frame-sink' | 'tile-pool' | 'embed';

export interface ArchitectureEdge {
  /** Stable across refreshes: `ipc:<pid>`, `frame-sink:<pid>`, `tile-pool:<pid>`, `embed:<plugin pid>:<tab>`. */
  id: string;
  kind: ArchitectureEdgeKind;
  from: number;
  to: number;
  /** The thread at the `from` end when one thread owns the channel (a renderer's compositor submits frames). */
  fromThread?: string;
  /** The thread at the `to` end when one thread owns the channel (a renderer's IO thread talks to the browser). */
  toThread?: string;
  /** from → to. */
  forward?: Flow;
  /** to → from. */
  back?: Flow;
  /** Tile pools: how many, and the bytes they map. */
  pools?: number;
  poolBytes?: number;
  /** Embeds: the tab the plugin's surface is shown in. */
  tabId?: number;
}

export interface ArchitectureGraph {
  /** When it was built, milliseconds since the epoch. */
  at: number;
  processes: ProcessInfo[];
  edges: ArchitectureEdge[];
  /** Every tab, so a view can say which box draws which tab, and show a dead renderer's sad tabs. */
  tabs: Pick<TabInfo, 'id' | 'title' | 'site' | 'pid' | 'state' | 'crashReason'>[];
  display: Pick<DisplayInfo, 'mode' | 'gpuCrashes'>;
}

/**
 * The display compositor's TCP socket (the display WebSocket's) opened ahead of time, as a
 * descriptor: the GPU process opens it on its main thread before it locks itself down (its
 * sandbox refuses new TCP sockets), and its VizCompositorThread, started after, listens on it.
 * The frame sink's Unix sockets the thread opens itself: the sandbox allows those. Linux only
 * (the addon's `listenLoopback`); elsewhere there is no OS sandbox to order against.
 */
import { native } from '../../platform/native';

export interface VizSockets {
  /** A TCP socket listening on 127.0.0.1, for the display WebSocket. */
  display: number;
}

/** Opens them, or returns null where the addon cannot (not Linux). */
export function openVizSockets(): VizSockets | null {
  const { listenLoopback } = native();
  return listenLoopback ? { display: listenLoopback().fd } : null;
}

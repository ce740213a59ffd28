/**
 * Messages between the renderer's own threads. They never leave the process, so TypeScript types
 * suffice; everything that arrives from outside was validated by the IO thread first.
 */
import type { MessagePort } from 'node:worker_threads';
import type { ChannelInfo } from '../../viz/client/FrameSinkClient';
import type { Rect } from '../../common/geometry';
import type { DisplayItem } from './page/DisplayList';
import type { PagePaint } from './page/PageBuilder';

export type CrashHow = 'exception' | 'segfault';

/** IO thread → any thread. */
export type CrashOrder = { type: 'crash'; how: CrashHow };

/** IO thread → main thread. */
export type ToMain =
  | CrashOrder
  | { type: 'open-tab'; tabId: number; url: string; viewport: { w: number; h: number } }
  | { type: 'close-tab'; tabId: number }
  | ToWorker
  | { type: 'plugin-attached'; tabId: number; instanceId: number; surfaceId: string }
  | { type: 'plugin-gone'; tabId: number; instanceId: number; reason: string };

export type ResourceResult = { ok: true; status: number; contentType: string; body: string } | { ok: false; error: string };

/** Main or worker thread → IO thread: load a URL through the browser process. */
export type FetchRequest = { type: 'fetch'; requestId: number; tabId: number; url: string; destination: 'document' | 'script' };

/** IO thread → worker thread. */
export type ToWorker = { type: 'resource'; requestId: number; result: ResourceResult };

/** Main thread → IO thread. */
export type FromMain =
  | FetchRequest
  | { type: 'start-worker'; workerId: string; tabId: number; url: string; port: MessagePort }
  | { type: 'stop-worker'; workerId: string }
  | { type: 'console'; tabId: number; level: string; message: string }
  | { type: 'loaded'; tabId: number; title: string }
  | { type: 'plugin-request'; tabId: number; instanceId: number; mimeType: string; size: { w: number; h: number } };

/** Main thread → compositor thread (their own port: commits do not pass through the IO thread). */
export type Commit = { type: 'commit'; tabId: number; viewport: { w: number; h: number }; page: PagePaint } | { type: 'close'; tabId: number };

/** IO thread → compositor thread. */
export type ToCompositor =
  | CrashOrder
  | { type: 'gpu-channel'; gpu: ChannelInfo | null }
  | { type: 'raster-port'; index: number; port: MessagePort }
  | { type: 'main-port'; port: MessagePort };

/** Compositor → raster thread, and the answer. */
export interface RasterTask {
  taskId: number;
  pool: { name: string; slots: number };
  slot: number;
  tile: Rect;
  items: DisplayItem[];
}
export type RasterResult = { taskId: number; ok: true; ms: number } | { taskId: number; ok: false; error: string };

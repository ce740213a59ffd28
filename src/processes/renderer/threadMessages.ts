/**
 * Messages between the renderer's own threads. They never leave the process, so TypeScript types
 * suffice; everything that arrives from outside was validated by the IO thread first.
 */
import type { MessagePort } from 'node:worker_threads';
import type { ChannelInfo } from '../../viz/client/FrameSinkClient';
import type { SameProcessDescriptor } from '../../platform/AnonymousSharedMemory';
import type { Rect } from '../../common/geometry';
import type { PagePaint } from './commit/PagePaint';
import type { DisplayItem } from './paint/DisplayList';
import type { InputEvent, RenderingOverlays, TileReport } from '../../common/protocol';

export type TabLifecycle = 'visible' | 'hidden' | 'frozen';

/** Main thread → a page's worker, over their port (page messages are strings): freeze or resume it with its page. */
export type WorkerLifecycle = { type: 'lifecycle'; frozen: boolean };

export type CrashHow = 'exception' | 'segfault' | 'oom' | 'hang' | 'shorthang' | 'memory-exhaust';

/** IO thread → any thread. */
export type CrashOrder = { type: 'crash'; how: CrashHow };

/** Any thread → IO thread: an allocation failed here; the whole renderer must end as `oom`. */
export type OutOfMemory = { type: 'out-of-memory'; detail: string };

/** Main, compositor or raster thread → IO thread: its code has loaded and run (it can take work). */
export type ThreadStarted = { type: 'started' };

/** IO thread → main thread, and its answer: the hang monitor's ping (Chromium's main-thread ping). */
export type Ping = { type: 'ping'; serial: number };
export type Pong = { type: 'pong'; serial: number };

/** IO thread → main thread. */
export type ToMain =
  | CrashOrder
  | Ping
  | { type: 'open-tab'; tabId: number; url: string; viewport: { w: number; h: number }; visible: boolean }
  | { type: 'close-tab'; tabId: number }
  /** Shown, hidden (occluded: no frames, timers once a second) or frozen (no page or worker task runs). */
  | { type: 'tab-lifecycle'; tabId: number; lifecycle: TabLifecycle }
  | ToWorker
  | { type: 'plugin-attached'; tabId: number; instanceId: number; surfaceId: string }
  | { type: 'plugin-gone'; tabId: number; instanceId: number; reason: string };

export type ResourceResult =
  { ok: true; status: number; contentType: string; body: string } | { ok: false; error: string };

/** Main or worker thread → IO thread: load a URL through the browser process. */
export type FetchRequest = {
  type: 'fetch';
  requestId: number;
  tabId: number;
  url: string;
  destination: 'document' | 'script';
};

/** IO thread → worker thread. */
export type ToWorker = { type: 'resource'; requestId: number; result: ResourceResult };

/** Worker thread → IO thread: its loads, and its console (which is its page's console, as in DevTools). */
export type FromWorker = FetchRequest | { type: 'console'; level: 'log' | 'info' | 'warn' | 'error'; message: string };

/** Main thread → IO thread. */
export type FromMain =
  | FetchRequest
  | ThreadStarted
  | Pong
  | OutOfMemory
  | { type: 'start-worker'; workerId: string; tabId: number; url: string; port: MessagePort }
  | { type: 'stop-worker'; workerId: string }
  | { type: 'console'; tabId: number; level: 'log' | 'info' | 'warn' | 'error'; message: string }
  | { type: 'loaded'; tabId: number; title: string }
  | { type: 'plugin-request'; tabId: number; instanceId: number; mimeType: string; size: { w: number; h: number } }
  /** The instance's `<embed>` left the document: the browser ends the instance. */
  | { type: 'plugin-released'; tabId: number; instanceId: number };

/** Main thread → compositor thread (their own port: commits do not pass through the IO thread). */
export type MainToCompositor =
  | {
      type: 'commit';
      tabId: number;
      viewport: { w: number; h: number };
      page: PagePaint;
      latency: number[];
      /** The page asked for another animation frame: a main-thread animation is running. */
      animating: boolean;
      /** While tracing: the commit's flow id. */
      traceId?: number;
    }
  | { type: 'close'; tabId: number }
  /** Sent before the tab's first commit and on every change: a hidden tab gets no raster and no frames. */
  | { type: 'visibility'; tabId: number; visible: boolean }
  /** The page did not cancel a wheel event it listens for: the compositor scrolls after all. */
  | { type: 'scroll-by'; tabId: number; x: number; y: number; dx: number; dy: number; inputId: number }
  /** An input the main thread handled without changing the page: its latency ends at the next frame. */
  | { type: 'input-handled'; tabId: number; inputId: number };

/** Compositor thread → main thread: input it hit-tested and cannot handle alone. */
export type CompositorToMain =
  | { type: 'click'; tabId: number; layer: number; x: number; y: number; inputId: number }
  | {
      type: 'wheel';
      tabId: number;
      layer: number;
      x: number;
      y: number;
      viewportX: number;
      viewportY: number;
      dx: number;
      dy: number;
      inputId: number;
    };

/** IO thread → compositor thread. */
export type ToCompositor =
  | CrashOrder
  | { type: 'gpu-channel'; gpu: ChannelInfo | null }
  | { type: 'raster-port'; index: number; port: MessagePort }
  | { type: 'main-port'; port: MessagePort }
  | { type: 'input'; tabId: number; inputId: number; event: InputEvent }
  | { type: 'overlays'; overlays: RenderingOverlays }
  | { type: 'tile-report'; requestId: number; tabId: number };

/** Compositor thread → IO thread. */
export type FromCompositor =
  | ThreadStarted
  | { type: 'log'; message: string }
  | { type: 'tile-report'; requestId: number; report: TileReport | null };

/** Compositor → raster thread, and the answer. */
export interface RasterTask {
  taskId: number;
  /** The tab's pool: raster threads share the process's descriptors, so they map it themselves. */
  pool: SameProcessDescriptor;
  slot: number;
  tile: Rect;
  items: DisplayItem[];
}
/** The raster thread names itself (its index), so the report of who drew a tile comes from the thread that did. */
export type RasterResult =
  | { taskId: number; thread: number; ok: true; ms: number }
  | { taskId: number; thread: number; ok: false; error: string };

/**
 * The one control API through which every shell (Electron, web, CLI) and the tests drive the
 * browser kernel, as one table: a row per method gives its arguments (schemas, and where each
 * travels over HTTP), its HTTP method and path, and its result type. The `ControlApi` interface
 * `Browser` implements, the web shell's routes, the Electron call check and the window's clients
 * are all derived from the table, so adding a row is the only edit a new method needs. No Node or
 * Electron here: the window's UI imports it too.
 */
import { z } from 'zod';
import { asBody, inField, inPath, method, type MethodOf, resolves, returns } from './controlMethod';
import type { DebugUrlInfo } from './debugUrls';
import type { ExitReason } from './exitReason';
import type { LabName, LabReport } from './labReports';
import { LIMITS } from './limits';
import { type FrameMetrics, InputEvent, RenderingOverlays, type SandboxReport, type TileReport } from './protocol';
import type { ChromeTrace } from './traceFile';

export type { ChromeTrace, DebugUrlInfo, FrameMetrics, InputEvent, RenderingOverlays, SandboxReport, TileReport };

export type TabState = 'loading' | 'live' | 'crashed';

export interface TabInfo {
  id: number;
  url: string;
  title: string;
  site: string;
  pid: number | null;
  state: TabState;
  crashReason?: ExitReason | 'plugin' | 'error';
  /** How the crashed tab's renderer ended, for the sad tab's reason line. */
  exitCode?: number | null;
  exitSignal?: string | null;
  /** A page-level error shown in the tab (for example a URL that could not be loaded). */
  error?: string;
  framesPresented: number;
  surfaceId: string;
  /** The tab's renderer has not answered for a while (stopped, its IO thread stuck, or its main thread stuck in script). */
  unresponsive?: true;
}

export type ProcessRole = 'browser' | 'renderer' | 'gpu' | 'plugin';

export interface ThreadInfo {
  id: string;
  name: string;
  kind: string;
  busy: number;
  state: 'running' | 'ended';
  error?: string;
}

export interface ProcessInfo {
  pid: number;
  role: ProcessRole;
  title: string;
  site?: string;
  tabs: number[];
  unresponsive?: true;
  cpuPercent: number;
  rssBytes: number;
  threads: ThreadInfo[];
  /** What the child runs under, as it read back from the kernel; absent for the (unsandboxed) browser process. */
  sandbox?: SandboxReport;
}

export interface DemoInfo {
  name: string;
  url: string;
  site: string;
  animated: boolean;
  description: string;
}

export interface DisplayInfo {
  /** WebSocket URL of the display compositor presenting tab surfaces, or null while it restarts. */
  url: string | null;
  mode: 'gpu' | 'browser';
  gpuCrashes: number;
  reason?: string;
}

export interface ConsoleEntry {
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
  /** Milliseconds since the epoch, when the browser received it. */
  at: number;
}

export type BrowserEvent =
  | { type: 'process-launched'; pid: number; role: ProcessRole; title: string }
  | { type: 'process-gone'; pid: number; role: ProcessRole; title: string; reason: ExitReason; exitCode: number | null }
  | { type: 'bad-message'; pid: number; role: ProcessRole; reason: string }
  | { type: 'tab-updated'; tab: TabInfo }
  | { type: 'tab-closed'; tabId: number }
  | { type: 'display-changed'; display: DisplayInfo }
  | { type: 'thread-gone'; pid: number; thread: string; error: string }
  | { type: 'lab-progress'; lab: LabName; done: number; total: number; label: string }
  | { type: 'console'; tabId: number; entry: ConsoleEntry }
  /** An input's effect reached the screen: from the browser receiving it to the display compositor compositing it. */
  | { type: 'input-presented'; tabId: number; inputId: number; latencyMs: number }
  | { type: 'overlays-changed'; overlays: RenderingOverlays };

const tabId = z.number().int().nonnegative();
const pid = z.number().int().positive();
const url = z.string().max(LIMITS.urlLength, `An address may be at most ${LIMITS.urlLength} characters long`);
/** As the renderer names its threads: `main`, `compositor`, `raster-2`, `raster-2.3`, `worker-1`. */
const threadId = z
  .string()
  .max(LIMITS.threadIdLength)
  .regex(/^[\w.-]+$/, 'A thread id is letters, digits, underscores, dots and dashes');
const labName = z.enum(['ipc', 'threads']) satisfies z.ZodType<LabName>;

export const CONTROL_API = {
  listTabs: method({ http: 'GET /api/tabs', args: [], result: returns<TabInfo[]>() }),
  /** Opens a tab; resolves at once with it in state `loading`. */
  openTab: method({ http: 'POST /api/tabs', args: [inField('url', url)], result: resolves<TabInfo>() }),
  closeTab: method({
    http: 'DELETE /api/tabs/:id',
    args: [inPath('id', tabId)],
    result: resolves<void>(),
    answer: ([id]) => ({ closed: id }),
  }),
  navigate: method({
    http: 'POST /api/tabs/:id/navigate',
    args: [inPath('id', tabId), inField('url', url)],
    result: resolves<TabInfo>(),
  }),
  /** Reloads a tab; a crashed tab gets a new renderer. */
  reload: method({ http: 'POST /api/tabs/:id/reload', args: [inPath('id', tabId)], result: resolves<TabInfo>() }),
  listProcesses: method({ http: 'GET /api/processes', args: [], result: resolves<ProcessInfo[]>() }),
  /** SIGKILL, as Task Manager's End process. */
  killProcess: method({
    http: 'POST /api/processes/:pid/kill',
    args: [inPath('pid', pid)],
    result: resolves<void>(),
    answer: ([p]) => ({ killed: p }),
  }),
  /**
   * Faults one thread of a renderer: an exception ends the thread, a segfault the whole process,
   * and exhausting the thread's JS heap (`oom`) ends the whole process with reason `oom`.
   */
  crashThread: method({
    http: 'POST /api/processes/:pid/threads/:thread/crash',
    args: [inPath('pid', pid), inPath('thread', threadId), inField('how', z.enum(['exception', 'segfault', 'oom']))],
    result: resolves<void>(),
    answer: ([, thread]) => ({ crashing: thread }),
  }),
  listDemos: method({ http: 'GET /api/demos', args: [], result: returns<DemoInfo[]>() }),
  /** The debug URLs (`minium://crash` …), each opened like any address. */
  listDebugUrls: method({ http: 'GET /api/debug-urls', args: [], result: returns<DebugUrlInfo[]>() }),
  display: method({ http: 'GET /api/display', args: [], result: returns<DisplayInfo>() }),
  /** Runs a lab in a process of its own; resolves with its report (tens of seconds, minutes when not quick). */
  runLab: method({
    http: 'POST /api/labs/:lab',
    args: [inPath('lab', labName), inField('quick', z.boolean().default(true))],
    result: resolves<LabReport>(),
  }),
  /** Sends a click or wheel event to a tab (viewport pixels); its inputId comes back in an input-presented event. */
  sendInput: method({
    http: 'POST /api/tabs/:id/input',
    args: [inPath('id', tabId), asBody('event', InputEvent)],
    result: resolves<{ inputId: number }>(),
  }),
  /** The tab's console: what its scripts logged and the errors they raised, newest last. */
  consoleMessages: method({
    http: 'GET /api/tabs/:id/console',
    args: [inPath('id', tabId)],
    result: returns<ConsoleEntry[]>(),
  }),
  /** Which raster thread drew each tile of the tab, from its compositor thread. */
  tileReport: method({ http: 'GET /api/tabs/:id/tiles', args: [inPath('id', tabId)], result: resolves<TileReport>() }),
  /** Starts recording a trace in every process (Chrome's JSON Trace Event Format); one at a time. */
  startTrace: method({ http: 'POST /api/trace/start', args: [], result: resolves<{ startedAt: number }>() }),
  /** Stops the trace and resolves with the merged file: open it in Perfetto or DevTools' Performance panel. */
  stopTrace: method({ http: 'POST /api/trace/stop', args: [], result: resolves<ChromeTrace>() }),
  /** Dropped frames over the last second per kind of sequence (compositor animation, main-thread animation, scroll), from the tab's compositor thread. */
  frameMetrics: method({
    http: 'GET /api/tabs/:id/frame-metrics',
    args: [inPath('id', tabId)],
    result: resolves<FrameMetrics>(),
  }),
  renderingOverlays: method({ http: 'GET /api/overlays', args: [], result: returns<RenderingOverlays>() }),
  /** Sets the overlays of every tab; resolves with the overlays now in force. */
  setRenderingOverlays: method({
    http: 'POST /api/overlays',
    args: [asBody('overlays', RenderingOverlays)],
    result: resolves<RenderingOverlays>(),
  }),
};

export type ControlMethod = keyof typeof CONTROL_API;

/** The kernel's face, derived from the table; events travel apart (a WebSocket, or IPC messages). */
export interface ControlApi extends ControlMethods {
  onEvent(listener: (e: BrowserEvent) => void): () => void;
}
type ControlMethods = { [K in ControlMethod]: MethodOf<(typeof CONTROL_API)[K]> };

/**
 * The one control API through which every shell (Electron, web, CLI) and the tests drive the
 * browser kernel, as one table: a row per method gives its arguments (schemas, and where each
 * travels over HTTP), its HTTP method and path, and its result type. The `ControlApi` interface
 * `Browser` implements, the web shell's routes, the Electron call check and the window's clients
 * are all derived from the table, so adding a row is the only edit a new method needs. No Node or
 * Electron here: the window's UI imports it too.
 */
import { z } from 'zod';
import type { ArchitectureGraph } from './architecture';
import { asBody, inField, inPath, method, type MethodOf, resolves, returns } from './controlMethod';
import type { DebugUrlInfo } from './debugUrls';
import type { ExitReason } from './exitReason';
import type { LabName, LabReport } from './labReports';
import type { SharedMemoryBlock } from './sharedMemory';
import { LIMITS } from './limits';
import {
  type FrameMetrics,
  InputEvent,
  RenderingOverlays,
  type SandboxReport,
  type ThreadHeap,
  type TileReport,
} from './protocol';
import type { ChromeTrace, TraceStartResult } from './traceFile';

export type { ChromeTrace, DebugUrlInfo, FrameMetrics, InputEvent, RenderingOverlays, SandboxReport, TileReport };
export type { TraceStartResult };
export type { ArchitectureEdge, ArchitectureGraph, Flow } from './architecture';
export type { SharedMemoryBlock } from './sharedMemory';

/** `discarded`: its renderer was freed (tab lifecycle); activating the tab loads it again. */
export type TabState = 'loading' | 'live' | 'crashed' | 'discarded';

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
  /**
   * Shown in the window: the active tab (the last opened or activated). The others are hidden
   * (occluded): no frames, animations paused, timers at most once a second.
   */
  visible: boolean;
  /**
   * Frozen (a hidden tab, as chrome://discards' Freeze): no page timer, frame or worker task runs
   * until it is shown.
   */
  frozen?: true;
  /**
   * The tab's renderer has not answered for a while (stopped, its IO thread stuck, or its main
   * thread stuck in script).
   */
  unresponsive?: true;
}

export type ProcessRole = 'browser' | 'renderer' | 'gpu' | 'plugin' | 'network';

export interface ThreadInfo {
  id: string;
  name: string;
  kind: string;
  busy: number;
  state: 'running' | 'ended';
  error?: string;
  /** The thread's own V8 heap limit (renderer threads): each worker thread has a JS heap of its own. */
  heapLimitMb?: number;
  /** The thread's own V8 heap, in bytes, as it last reported it. */
  heap?: ThreadHeap;
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
  /**
   * Proportional set size (Linux, /proc/<pid>/smaps_rollup): private pages plus each shared page
   * divided by the number of processes mapping it, so the processes' figures add up. Absent where
   * the OS does not tell it.
   */
  pssBytes?: number;
  threads: ThreadInfo[];
  /** What the child runs under, as it read back from the kernel; absent for the (unsandboxed) browser process. */
  sandbox?: SandboxReport;
  /** The warm spare renderer, locked to no site yet. */
  spare?: true;
  /** A renderer launched as the spare and taken by its site. */
  wasSpare?: true;
}

/** `minium://process-internals`: the process model as Chromium's chrome://process-internals shows it. */
export interface ProcessInternals {
  isolation: {
    /** Minium's: every site in a process of its own, all of a site's tabs in one (process-per-site). */
    mode: 'process-per-site';
    description: string;
    /** How Chromium's desktop default (site-per-process) differs. */
    chromium: string;
  };
  limit: {
    /** The renderer limit in force (Minium's figure unless the browser was started with another). */
    inForce: number;
    minium: number;
    chromium: number;
    physicalMemoryMiB: number;
    platformProcessLimit: number | null;
    platformMax: number;
    chromiumEstimateMb: number;
    miniumEstimateMb: number;
    /** What each browser does when a new site arrives at the limit. */
    miniumOverLimit: string;
    chromiumOverLimit: string;
  };
  /** Renderers locked to a site (the count the limit applies to; the spare is not one). */
  lockedRenderers: number;
  spare: {
    enabled: boolean;
    pid: number | null;
    /** Launching (before `ready`), starting its threads, or warm: what the next new site would get. */
    state: 'launching' | 'starting-threads' | 'warm' | null;
    /** Since its process started, when its threads had all loaded. */
    threadsStartedMs: number | null;
    taken: number;
    coldLaunches: number;
    failedLaunches: number;
  };
  /** Which site is locked to which process, and the tabs it draws. */
  locks: {
    site: string;
    pid: number | null;
    state: 'launching' | 'starting-threads' | 'warm';
    tabs: { id: number; url: string }[];
    wasSpare: boolean;
    /** Since its process started, when its threads had all loaded (and warmed up). */
    threadsStartedMs: number | null;
  }[];
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

/** The GPU crash policy (Chromium's): the fallback stack, where the browser stands on it, and the crash count. */
export interface GpuPolicyInfo {
  /** Best first. */
  stack: { mode: DisplayInfo['mode']; label: string; chromium: string }[];
  /** Index of the level in force. */
  level: number;
  /** Crashes that count towards the next fallback, after forgiveness. */
  recentCrashes: number;
  maxCrashes: number;
  /** One recent crash is forgiven per this many minutes without a crash. */
  forgiveMinutes: number;
  totalCrashes: number;
  /** When one more recent crash will have been forgiven (ms since the epoch), or null. */
  nextForgivenAt: number | null;
}

/** One figure of Minium's policies beside Chromium's; `differs` says why, where Minium differs on purpose. */
export interface PolicyFigure {
  name: string;
  minium: string;
  chromium: string;
  differs?: string;
}

export interface PolicyInfo {
  gpu: GpuPolicyInfo;
  figures: PolicyFigure[];
}

export interface ConsoleEntry {
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
  /** Milliseconds since the epoch, when the browser received it. */
  at: number;
}

/** A claim of CLAIMS.md, with its verdict on this machine (see `GET /api/claims`). */
export type ClaimVerdictWord = 'holds' | 'in-part' | 'not-here' | 'inconclusive' | 'not-run';

export interface ClaimInfo {
  id: string;
  claim: string;
  verdict: ClaimVerdictWord;
  /** A measured figure from a lab, or what a live demonstration saw. */
  evidence: string;
  /** The bundled scenario that shows the claim in the running browser (`POST /api/claims/:id/show`). */
  demonstration?: string;
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
  | { type: 'overlays-changed'; overlays: RenderingOverlays }
  /** A scenario's caption, shown over the window for `seconds`. */
  | { type: 'caption'; text: string; seconds: number };

const tabId = z.number().int().nonnegative();
const pid = z.number().int().positive();
const url = z.string().max(LIMITS.urlLength, `An address may be at most ${LIMITS.urlLength} characters long`);
/** As the renderer names its threads: `main`, `compositor`, `raster-2`, `raster-2.3`, `worker-1`. */
const threadId = z
  .string()
  .max(LIMITS.threadIdLength)
  .regex(/^[\w.-]+$/, 'A thread id is letters, digits, underscores, dots and dashes');
const claimId = z
  .string()
  .max(LIMITS.claimIdLength)
  .regex(/^[A-Z]+\d+$/, 'A claim id is capitals then digits, as MP2');
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
  /** Shows the tab in the window (the others are hidden); a discarded tab loads again. */
  activateTab: method({
    http: 'POST /api/tabs/:id/activate',
    args: [inPath('id', tabId)],
    result: resolves<TabInfo>(),
  }),
  /** Freezes a hidden tab: no page timer, frame or worker task runs until it is activated. */
  freezeTab: method({
    http: 'POST /api/tabs/:id/freeze',
    args: [inPath('id', tabId)],
    result: resolves<TabInfo>(),
  }),
  /** Frees a hidden tab's renderer (its process ends if no other tab uses it); the tab stays, discarded. */
  discardTab: method({
    http: 'POST /api/tabs/:id/discard',
    args: [inPath('id', tabId)],
    result: resolves<TabInfo>(),
  }),
  listProcesses: method({ http: 'GET /api/processes', args: [], result: resolves<ProcessInfo[]>() }),
  /** The process model: limits (Minium's and Chromium's), isolation, site locks, the spare renderer. */
  processInternals: method({ http: 'GET /api/process-internals', args: [], result: resolves<ProcessInternals>() }),
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
  /** Crash and hang policies in force (the GPU fallback stack, timeouts), each beside Chromium's figure. */
  policies: method({ http: 'GET /api/policies', args: [], result: returns<PolicyInfo>() }),
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
  /**
   * Starts recording a trace in every process (Chrome's JSON Trace Event Format); one at a time.
   * Resolves once every live child said it records, naming any that did not answer in time.
   */
  startTrace: method({ http: 'POST /api/trace/start', args: [], result: resolves<TraceStartResult>() }),
  /** Stops the trace and resolves with the merged file: open it in Perfetto or DevTools' Performance panel. */
  stopTrace: method({ http: 'POST /api/trace/stop', args: [], result: resolves<ChromeTrace>() }),
  /**
   * Dropped frames over the last second per kind of sequence (compositor animation, main-thread
   * animation, scroll), from the tab's compositor thread.
   */
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
  /** Every process with its threads, every channel between them with its rate: the architecture view's graph. */
  architecture: method({ http: 'GET /api/architecture', args: [], result: resolves<ArchitectureGraph>() }),
  /** Every block of memory the browser's processes map shared, and who maps it, as /proc/<pid>/maps says. */
  sharedMemory: method({ http: 'GET /api/shared-memory', args: [], result: resolves<SharedMemoryBlock[]>() }),
  /** Stops (SIGSTOP) or continues (SIGCONT) a child process, as `kill -STOP` from a shell. */
  signalProcess: method({
    http: 'POST /api/processes/:pid/signal',
    args: [inPath('pid', pid), inField('signal', z.enum(['stop', 'continue']))],
    result: resolves<void>(),
    answer: ([p, signal]) => ({ signalled: p, signal }),
  }),
  /** Shows a caption over every window for a few seconds (scenarios narrate with it). */
  showCaption: method({
    http: 'POST /api/caption',
    args: [
      inField('text', z.string().min(1).max(LIMITS.captionLength)),
      inField('seconds', z.number().positive().max(LIMITS.captionSeconds)),
    ],
    result: resolves<void>(),
    answer: ([text]) => ({ shown: text }),
  }),
  /**
   * Every claim of CLAIMS.md with its verdict here: from the labs run in this browser, or a
   * demonstration's expects.
   */
  listClaims: method({ http: 'GET /api/claims', args: [], result: returns<ClaimInfo[]>() }),
  /** Performs a claim's demonstration (its bundled scenario) in this browser; resolves with the verdict it earned. */
  showClaim: method({
    http: 'POST /api/claims/:id/show',
    args: [inPath('id', claimId)],
    result: resolves<ClaimInfo>(),
  }),
};

export type ControlMethod = keyof typeof CONTROL_API;

/** The kernel's face, derived from the table; events travel apart (a WebSocket, or IPC messages). */
export interface ControlApi extends ControlMethods {
  onEvent(listener: (e: BrowserEvent) => void): () => void;
}
type ControlMethods = { [K in ControlMethod]: MethodOf<(typeof CONTROL_API)[K]> };

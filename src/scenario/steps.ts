/**
 * What a scenario file says, as data: its header (title, the claims it demonstrates, how the
 * browser must be started) and its steps, each with the line it came from so that every error
 * can name it. Parsed by `ScenarioParser`, performed by `ScenarioRunner`.
 */

/** A tab, by the name a scenario gave it when it opened it (`open URL as NAME`). */
export type TabRef = string;

/** A process, as a scenario names it: by role, by the tab it draws, or by site. */
export type ProcessRef =
  | { kind: 'browser' }
  | { kind: 'gpu' }
  | { kind: 'plugin' }
  | { kind: 'renderer'; tab: TabRef }
  | { kind: 'site'; site: string };

export type TabCondition = 'loading' | 'live' | 'crashed' | 'unresponsive' | 'responsive';

/** What `wait` waits for and `expect` checks. */
export type Condition =
  | { kind: 'tab'; tab: TabRef; state: TabCondition; reason?: string }
  /** The tab presents at least `frames` more frames, counted from the step's start. */
  | { kind: 'frames'; tab: TabRef; frames: number }
  | { kind: 'console'; tab: TabRef; text: string }
  | { kind: 'process'; process: ProcessRef; state: 'running' | 'gone' }
  | { kind: 'thread'; process: ProcessRef; thread: string; state: 'running' | 'ended' }
  | { kind: 'display'; mode: 'gpu' | 'browser' }
  | { kind: 'gpu-crashes'; atLeast: number }
  /** A browser event of this type (`bad-message`, `thread-gone`, …) since the scenario began. */
  | { kind: 'event'; type: string }
  /** The process runs under seccomp-bpf and Landlock, as it read back from the kernel. */
  | { kind: 'sandbox'; process: ProcessRef }
  /** At least `threads` different raster threads drew the tab's tiles. */
  | { kind: 'raster-threads'; tab: TabRef; threads: number }
  /** The tab's document is scrolled down by at least `pixels`, as its compositor thread reports. */
  | { kind: 'scrolled'; tab: TabRef; pixels: number }
  /** The tab presented no frame for `seconds` in a row: its picture stands still. */
  | { kind: 'still'; tab: TabRef; seconds: number }
  /**
   * The channel carried at least `messages` messages each way since it opened: `ipc`,
   * the browser ↔ process channel; `frame-sink`, the process's frames to the display compositor
   * and its acknowledgements back (from the architecture view's counters).
   */
  | { kind: 'messages'; channel: 'ipc' | 'frame-sink'; process: ProcessRef; messages: number }
  /** The two processes map (`shared`) or do not map (`unshared`) a common block, as /proc/<pid>/maps says. */
  | { kind: 'shared'; a: ProcessRef; b: ProcessRef; shared: boolean }
  /**
   * Every block two or more of the browser's processes map shared is a tile pool, mapped by one
   * producer (a renderer, the plugin process) and the display compositor alone; there is one at least.
   */
  | { kind: 'shared-memory-only-tile-pools' }
  /**
   * In the last trace recorded (`trace off`), `thread` (as Chromium names it) spent the most time
   * in slices of the process's threads.
   */
  | { kind: 'busiest'; process: ProcessRef; thread: string }
  /** In the last trace recorded, `thread` of the process ran a slice of each name. */
  | { kind: 'traced'; process: ProcessRef; thread: string; slices: string[] };

export const OVERLAYS = {
  'tile-borders': 'tileBorders',
  'paint-flashing': 'paintFlashing',
  'fps-meter': 'fpsMeter',
} as const;
export type OverlayName = keyof typeof OVERLAYS;
export const PANELS = ['task-manager', 'labs', 'console', 'rendering', 'claims', 'architecture'] as const;
export type PanelName = (typeof PANELS)[number];
export const CRASH_KINDS = ['exception', 'segfault', 'oom'] as const;

export type StepBody =
  | { op: 'open'; url: string; as: TabRef }
  | { op: 'navigate'; tab: TabRef; url: string }
  | { op: 'reload'; tab: TabRef }
  | { op: 'close'; tab: TabRef }
  | { op: 'kill'; process: ProcessRef }
  | { op: 'crash'; process: ProcessRef; thread: string; how: (typeof CRASH_KINDS)[number] }
  | { op: 'stop'; process: ProcessRef }
  | { op: 'continue'; process: ProcessRef }
  | { op: 'click'; tab: TabRef; x: number; y: number }
  | { op: 'scroll'; tab: TabRef; x: number; y: number; dx: number; dy: number }
  | { op: 'overlay'; overlay: OverlayName; on: boolean }
  | { op: 'caption'; seconds: number; text: string }
  | { op: 'pause'; seconds: number }
  /** Records a trace in every process (`on`) until `off`, which keeps it for `busiest` and `traced`. */
  | { op: 'trace'; on: boolean }
  | { op: 'wait'; condition: Condition; withinSeconds: number }
  | { op: 'expect'; condition: Condition; withinSeconds: number }
  /** Window steps: they drive the window itself (DevTools protocol), so they need one. */
  | { op: 'activate'; tab: TabRef }
  | { op: 'type'; text: string }
  | { op: 'panel'; panel: PanelName };

/** A step with where it came from: its line number and its text, for messages. */
export type Step = StepBody & { line: number; source: string };

export const WINDOW_OPS: ReadonlySet<StepBody['op']> = new Set(['type', 'panel']);

/** How the browser must be started for the scenario (the CLI applies it; a running browser cannot). */
export interface BrowserNeeds {
  shortHang?: true;
  memoryBudgetMb?: number;
  rasterThreads?: number;
}

export interface Scenario {
  /** The file's name without `.scenario`, or the path given. */
  name: string;
  file: string;
  title: string;
  claims: string[];
  browser: BrowserNeeds;
  steps: Step[];
}

/**
 * The one control API through which every shell (Electron, web, CLI) and the tests drive the
 * browser kernel. Types only, so the window's UI can import it too.
 */
import type { ExitReason } from './exitReason';
import type { LabName, LabReport } from './labReports';
import type { InputEvent, RenderingOverlays, SandboxReport, TileReport } from './protocol';

export type { InputEvent, RenderingOverlays, SandboxReport, TileReport };

export type TabState = 'loading' | 'live' | 'crashed';

export interface TabInfo {
  id: number;
  url: string;
  title: string;
  site: string;
  pid: number | null;
  state: TabState;
  crashReason?: ExitReason | 'plugin' | 'error';
  /** A page-level error shown in the tab (for example a URL that could not be loaded). */
  error?: string;
  framesPresented: number;
  surfaceId: string;
  /** The tab's renderer has not answered for a while (stopped, or its IO thread is stuck). */
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

export interface ControlApi {
  listTabs(): TabInfo[];
  openTab(url: string): Promise<TabInfo>;
  closeTab(id: number): Promise<void>;
  navigate(id: number, url: string): Promise<TabInfo>;
  reload(id: number): Promise<TabInfo>;
  listProcesses(): Promise<ProcessInfo[]>;
  killProcess(pid: number): Promise<void>;
  crashThread(pid: number, threadId: string, how: 'exception' | 'segfault'): Promise<void>;
  listDemos(): DemoInfo[];
  display(): DisplayInfo;
  /** Runs a lab in a process of its own; resolves with its report (tens of seconds, minutes when not quick). */
  runLab(lab: LabName, quick: boolean): Promise<LabReport>;
  /** Sends a click or wheel event to a tab (viewport pixels); its inputId comes back in an input-presented event. */
  sendInput(tabId: number, event: InputEvent): Promise<{ inputId: number }>;
  /** The tab's console: what its scripts logged and the errors they raised, newest last. */
  consoleMessages(tabId: number): ConsoleEntry[];
  /** Which raster thread drew each tile of the tab, from its compositor thread. */
  tileReport(tabId: number): Promise<TileReport>;
  renderingOverlays(): RenderingOverlays;
  setRenderingOverlays(overlays: RenderingOverlays): Promise<RenderingOverlays>;
  onEvent(listener: (e: BrowserEvent) => void): () => void;
}

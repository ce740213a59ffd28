/**
 * The one control API through which every shell (Electron, web, CLI) and the tests drive the
 * browser kernel. Types only, so the window's UI can import it too.
 */
import type { ExitReason } from './exitReason';
import type { LabName, LabReport } from './labReports';

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

export type BrowserEvent =
  | { type: 'process-launched'; pid: number; role: ProcessRole; title: string }
  | { type: 'process-gone'; pid: number; role: ProcessRole; title: string; reason: ExitReason; exitCode: number | null }
  | { type: 'bad-message'; pid: number; role: ProcessRole; reason: string }
  | { type: 'tab-updated'; tab: TabInfo }
  | { type: 'tab-closed'; tabId: number }
  | { type: 'display-changed'; display: DisplayInfo }
  | { type: 'thread-gone'; pid: number; thread: string; error: string }
  | { type: 'lab-progress'; lab: LabName; done: number; total: number; label: string };

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
  onEvent(listener: (e: BrowserEvent) => void): () => void;
}

/**
 * The browser kernel: one per browser process, host-agnostic. The Electron shell, the web shell,
 * the CLI and the tests all drive it through the ControlApi it implements. It is a façade: its
 * parts (`BrowserParts`, which creates, wires, starts and stops them) own the state, and each
 * API call is handed to the part that owns it. ClaimsTour, which performs demonstrations through
 * this same API, is the one part it creates itself.
 */
import * as path from 'node:path';
import type {
  BrowserEvent,
  ClaimInfo,
  ConsoleEntry,
  ControlApi,
  DebugUrlInfo,
  DemoInfo,
  DisplayInfo,
  PolicyInfo,
  ProcessInfo,
  ProcessInternals,
  TabInfo,
} from '../common/controlApi';
import type { ArchitectureGraph } from '../common/architecture';
import type { SharedMemoryBlock } from '../common/sharedMemory';
import type { FrameMetrics, InputEvent, RenderingOverlays, TileReport } from '../common/protocol';
import type { LabName, LabReport } from '../common/labReports';
import { DEBUG_URLS } from '../common/debugUrls';
import { errors } from '../common/errors';
import { ASSETS_DIR } from '../platform/paths';
import { type BrowserOptions, BrowserParts } from './BrowserParts';
import { ClaimsTour } from './ClaimsTour';
import { loadDemoCatalog } from './DemoCatalog';
import type { GpuService } from './GpuService';
import type { NetworkService } from './NetworkService';
import { policyFigures } from './PolicyFigures';
import { describeProcessModel } from './ProcessInternals';
import { sharedMemoryBlocks } from './SharedMappings';
import type { ChromeTrace, TraceStartResult } from '../common/traceFile';

export type { BrowserOptions };

export class Browser implements ControlApi {
  readonly gpu: GpuService;
  readonly network: NetworkService;
  private readonly parts: BrowserParts;
  private readonly demos = loadDemoCatalog(path.join(ASSETS_DIR, 'sites'));
  private readonly claims = new ClaimsTour(this);

  constructor(options: BrowserOptions) {
    this.parts = new BrowserParts(options);
    this.gpu = this.parts.gpu;
    this.network = this.parts.network;
  }

  start(): Promise<void> {
    return this.parts.start();
  }

  shutdown(): Promise<void> {
    return this.parts.shutdown();
  }

  readonly onEvent = (listener: (e: BrowserEvent) => void) => this.parts.events.event(listener);

  listTabs(): TabInfo[] {
    return this.parts.tabs.all().map((t) => this.parts.tabs.info(t));
  }

  listDemos(): DemoInfo[] {
    return this.demos;
  }

  listDebugUrls(): DebugUrlInfo[] {
    return DEBUG_URLS;
  }

  display(): DisplayInfo {
    return this.gpu.display();
  }

  policies(): PolicyInfo {
    return { gpu: this.gpu.crashPolicy(), figures: policyFigures(this.parts.hangTimeoutMs) };
  }

  async openTab(input: string): Promise<TabInfo> {
    return this.parts.navigation.open(input);
  }

  async closeTab(id: number): Promise<void> {
    this.parts.navigation.close(id);
  }

  async navigate(id: number, input: string): Promise<TabInfo> {
    return this.parts.navigation.navigate(id, input);
  }

  async reload(id: number): Promise<TabInfo> {
    return this.parts.navigation.navigate(id, this.parts.tabs.get(id).url);
  }

  async activateTab(id: number): Promise<TabInfo> {
    return this.parts.navigation.activate(id);
  }

  async freezeTab(id: number): Promise<TabInfo> {
    return this.parts.navigation.freeze(id);
  }

  async discardTab(id: number): Promise<TabInfo> {
    return this.parts.navigation.discard(id);
  }

  listProcesses(): Promise<ProcessInfo[]> {
    return this.parts.tasks.listProcesses();
  }

  async processInternals(): Promise<ProcessInternals> {
    return describeProcessModel(this.parts.renderers, this.parts.tabs, this.parts.limits);
  }

  architecture(): Promise<ArchitectureGraph> {
    return this.parts.architecture.graph();
  }

  async sharedMemory(): Promise<SharedMemoryBlock[]> {
    return sharedMemoryBlocks(this.parts.tasks.processRoles());
  }

  async runLab(lab: LabName, quick: boolean): Promise<LabReport> {
    const report = await this.parts.labs.run(lab, quick, (p) => this.parts.events.fire({ type: 'lab-progress', ...p }));
    this.claims.labRan(report);
    return report;
  }

  async killProcess(pid: number): Promise<void> {
    this.parts.tasks.killProcess(pid);
  }

  async signalProcess(pid: number, signal: 'stop' | 'continue'): Promise<void> {
    this.parts.tasks.signalProcess(pid, signal);
  }

  async showCaption(text: string, seconds: number): Promise<void> {
    this.parts.events.fire({ type: 'caption', text, seconds });
  }

  listClaims(): ClaimInfo[] {
    return this.claims.list();
  }

  showClaim(id: string): Promise<ClaimInfo> {
    return this.claims.show(id);
  }

  async crashThread(pid: number, threadId: string, how: 'exception' | 'segfault' | 'oom'): Promise<void> {
    this.parts.tasks.crashThread(pid, threadId, how);
  }

  async sendInput(tabId: number, event: InputEvent): Promise<{ inputId: number }> {
    return this.parts.inputs.send(this.parts.tabs.get(tabId), event);
  }

  consoleMessages(tabId: number): ConsoleEntry[] {
    this.parts.tabs.get(tabId); // an unknown tab is an error, not an empty console
    return this.parts.console.messages(tabId);
  }

  tileReport(tabId: number): Promise<TileReport> {
    const tab = this.parts.tabs.get(tabId);
    const host = tab.host;
    if (!host || host.state === 'gone') return Promise.reject(errors.tabNotLive(tabId));
    return this.parts.tileReports.request(host, tabId);
  }

  async frameMetrics(tabId: number): Promise<FrameMetrics> {
    return (await this.tileReport(tabId)).frameMetrics;
  }

  async startTrace(): Promise<TraceStartResult> {
    return this.parts.traces.start();
  }

  stopTrace(): Promise<ChromeTrace> {
    return this.parts.traces.stop();
  }

  renderingOverlays(): RenderingOverlays {
    return this.parts.overlays.get();
  }

  async setRenderingOverlays(overlays: RenderingOverlays): Promise<RenderingOverlays> {
    const set = this.parts.overlays.set(overlays);
    this.parts.events.fire({ type: 'overlays-changed', overlays: this.parts.overlays.get() });
    return set;
  }
}

/**
 * Keeps a display compositor running for the browser: the GPU process, restarted when it dies,
 * or, after too many GPU crashes (GpuCrashPolicy), the same compositor inside the browser
 * process. Brokers frame sink channels: passes on the grants FrameSinkGrants derives (which token
 * may submit which surfaces) and restates them to every new display compositor.
 */
import { randomBytes } from 'node:crypto';
import type { DisplayInfo, GpuPolicyInfo } from '../common/controlApi';
import { errors } from '../common/errors';
import type { FrameSinkClientStats } from '../common/protocol';
import { Emitter } from '../common/Emitter';
import type { ChildLauncher } from '../platform/ChildProcess';
import { reportPresentationsWhileDrawing } from '../viz/service/PresentationReports';
import { VizService } from '../viz/service/VizService';
import type { Gone } from './ChildProcessHost';
import { GpuCrashPolicy } from './GpuCrashPolicy';
import { GpuProcessHost } from './GpuProcessHost';

/** What the display compositor lets one client do: submit these surfaces, show those inside them. */
export interface FrameSinkGrant {
  readonly token: string;
  /** Its tile pools must carry this PID. */
  readonly pid: number;
  readonly surfaces: readonly string[];
  /** Other surfaces it may show inside its own (a tab's plugins). */
  readonly embeds: readonly string[];
}

export class GpuService {
  readonly displayToken = randomBytes(16).toString('hex');
  private readonly policy = new GpuCrashPolicy();
  /** What the display compositor has been told, to tell a restarted one. */
  private readonly grants = new Map<string, FrameSinkGrant>();
  /** Frames presented per surface by displays that are gone, so counts survive a GPU restart. */
  private readonly framesBefore = new Map<string, number>();
  private readonly framesNow = new Map<string, number>();
  /** The display compositor's last word on its clients: tile pools and frame sink traffic per PID. */
  private sinkClients: FrameSinkClientStats[] = [];
  private inProcess: VizService | null = null;
  private address: string | null = null;
  private port: number | null = null;
  host: GpuProcessHost | null = null;
  private fallbackReason: string | undefined;
  private stopped = false;

  private readonly addressEmitter = new Emitter<string | null>();
  private readonly displayEmitter = new Emitter<DisplayInfo>();
  private readonly hostEmitter = new Emitter<GpuProcessHost>();
  /** The frame sink moved (or went away: null); clients must reconnect. */
  readonly onAddressChanged = this.addressEmitter.event;
  readonly onDisplayChanged = this.displayEmitter.event;
  readonly onHostLaunched = this.hostEmitter.event;
  private readonly presentedEmitter = new Emitter<{ surfaceId: string; inputIds: number[] }>();
  /** Inputs whose effect a display compositor has just put on screen. */
  readonly onInputPresented = this.presentedEmitter.event;

  constructor(
    private readonly launcher: ChildLauncher,
    private readonly sandbox: boolean,
  ) {}

  start(): Promise<void> {
    return new Promise((resolve) => {
      const off = this.onAddressChanged((a) => {
        if (a) {
          off();
          resolve();
        }
      });
      this.launchGpu();
    });
  }

  get frameSinkAddress(): string | null {
    return this.address;
  }

  display(): DisplayInfo {
    return {
      url: this.port ? `ws://127.0.0.1:${this.port}/?token=${this.displayToken}` : null,
      mode: this.inProcess ? 'browser' : 'gpu',
      gpuCrashes: this.policy.totalCrashes,
      reason: this.fallbackReason,
    };
  }

  /** The crash policy: the fallback stack, the level in force, the crashes counted. */
  crashPolicy(): GpuPolicyInfo {
    return this.policy.describe(Date.now());
  }

  authorize(grant: FrameSinkGrant): void {
    this.grants.set(grant.token, grant);
    this.sendGrant(grant);
  }

  private sendGrant(g: FrameSinkGrant): void {
    this.sendToDisplay({
      type: 'authorize-client',
      token: g.token,
      pid: g.pid,
      surfaces: [...g.surfaces],
      embeds: [...g.embeds],
    });
  }

  revoke(token: string): void {
    this.grants.delete(token);
    this.sendToDisplay({ type: 'revoke-client', token });
  }

  dropSurface(surfaceId: string): void {
    this.sendToDisplay({ type: 'drop-surface', surfaceId });
  }

  /**
   * `minium://gpucrash`, `minium://gpuhang`: the GPU process faults on purpose. Compositing in
   * the browser process (after too many GPU crashes) has no GPU process to fault.
   */
  debug(kind: 'gpucrash' | 'gpuhang'): void {
    if (!this.host || this.host.state === 'gone')
      throw errors.badRequest(`There is no GPU process for ${kind}: compositing runs in the browser process.`);
    this.host.send({ type: 'debug', kind });
  }

  /** Each frame sink client's tile pools and traffic, as the display compositor last reported. */
  frameSinkClients(): readonly FrameSinkClientStats[] {
    return this.sinkClients;
  }

  framesPresented(surfaceId: string): number {
    return (this.framesBefore.get(surfaceId) ?? 0) + (this.framesNow.get(surfaceId) ?? 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.inProcess?.close();
    await this.host?.shutdown();
  }

  private launchGpu(): void {
    const host = new GpuProcessHost(this.launcher, this.sandbox);
    this.host = host;
    host.onMessage((m) => {
      if (m.type === 'display-ready') this.displayUp(m.frameSinkAddress, m.displayPort);
      else if (m.type === 'presentation-stats') {
        for (const s of m.surfaces) this.framesNow.set(s.surfaceId, s.framesPresented);
        this.sinkClients = m.clients;
      } else if (m.type === 'input-presented')
        this.presentedEmitter.fire({ surfaceId: m.surfaceId, inputIds: m.inputIds });
    });
    host.onGone((gone) => this.gpuGone(host, gone));
    // The GPU watchdog: a GPU process that stopped answering is ended as crashed, and restarted.
    host.onResponsivenessChanged((t) => {
      if (t !== 'hung') return;
      host.log('the GPU watchdog ends it: it stopped answering');
      host.terminate('crashed');
    });
    host.start();
    host.send({ type: 'init', displayToken: this.displayToken });
    this.hostEmitter.fire(host);
  }

  private displayUp(address: string, port: number): void {
    for (const grant of this.grants.values()) this.sendGrant(grant);
    this.address = address;
    this.port = port;
    this.addressEmitter.fire(address);
    this.displayEmitter.fire(this.display());
  }

  private gpuGone(host: GpuProcessHost, gone: Gone): void {
    if (this.host !== host) return;
    this.host = null;
    for (const [id, n] of this.framesNow) this.framesBefore.set(id, (this.framesBefore.get(id) ?? 0) + n);
    this.framesNow.clear();
    this.sinkClients = [];
    this.address = null;
    this.port = null;
    this.addressEmitter.fire(null);
    if (this.stopped) return;
    if (gone.reason === 'clean-exit') return this.launchGpu();
    if (this.policy.recordCrash(Date.now()) === 'restart') return this.launchGpu();
    this.fallbackReason =
      `The GPU process crashed ${this.policy.maxCrashes} times, faster than one crash is forgiven ` +
      `(one per ${this.policy.forgiveMs / 60000} minutes; last: ${gone.reason}); ` +
      'compositing now runs in the browser process.';
    process.stderr.write(`[browser] ${this.fallbackReason}\n`);
    void this.startInProcess();
  }

  private async startInProcess(): Promise<void> {
    const viz = new VizService('browser', this.displayToken, (m) => process.stderr.write(`[browser] viz: ${m}\n`));
    this.inProcess = viz;
    viz.compositor.onInputPresented((p) => this.presentedEmitter.fire(p));
    viz.compositor.onFirstFrame((s) => this.framesNow.set(s.surfaceId, s.framesPresented));
    const endpoints = await viz.start();
    reportPresentationsWhileDrawing(viz, ({ surfaces, clients }) => {
      for (const s of surfaces) this.framesNow.set(s.surfaceId, s.framesPresented);
      this.sinkClients = clients;
    });
    this.displayUp(endpoints.frameSinkAddress, endpoints.displayPort);
  }

  private sendToDisplay(m: Parameters<GpuProcessHost['send']>[0]): void {
    if (this.inProcess) {
      // Traced with the browser itself: the in-process compositor records on the browser's thread.
      if (m.type === 'trace-start' || m.type === 'trace-stop') return;
      if (m.type === 'report-rate') return; // the browser's own thread is not reported
      if (m.type !== 'init' && m.type !== 'shutdown' && m.type !== 'debug') this.inProcess.handle(m);
    } else {
      this.host?.send(m);
    }
  }
}

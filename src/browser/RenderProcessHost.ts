import { randomBytes } from 'node:crypto';
import { type BrowserToRenderer, RendererToBrowser } from '../common/protocol';
import type { ChildLauncher } from '../platform/ChildProcess';
import { ChildProcessHost } from './ChildProcessHost';
import { HangMonitor } from './HangMonitor';
import { RENDERER_MEMORY_BUDGET_MB, watchMemoryBudget } from './RendererMemoryBudget';

/**
 * Chromium's hung-renderer delay on desktop (content's kHungRendererDelay: 15 s; 5 s on Android,
 * the shorter setting the demos may choose).
 */
export const HUNG_RENDERER_DELAY_MS = 15_000;
export const SHORT_HUNG_RENDERER_DELAY_MS = 5_000;

/** How long a renderer may be hung and how much memory it may use, unless the browser was told otherwise. */
export const DEFAULT_RENDERER_LIMITS = {
  hangTimeoutMs: HUNG_RENDERER_DELAY_MS,
  memoryBudgetMb: RENDERER_MEMORY_BUDGET_MB,
};

/**
 * Room a renderer's RLIMIT_DATA leaves above its memory budget. RLIMIT_DATA counts committed
 * private memory (VmData), not what is resident: V8's PROT_NONE reservations are free, but an
 * idle renderer's thread stacks, malloc arenas and V8 spaces already make ~1.25 GB of VmData for
 * ~180 MB resident. The budget (resident memory, sampled) ends a renderer first; the limit stops
 * growth faster than sampling, in the kernel.
 */
const DATA_LIMIT_HEADROOM_MB = 2048;

/**
 * The browser side of one renderer process, locked to one site. A spare (SpareRenderer) starts
 * locked to none, with its threads running, and is locked once, when a new site takes it: as a
 * Chromium spare RenderProcessHost gets its process lock at its first navigation.
 */
export class RenderProcessHost extends ChildProcessHost<RendererToBrowser, BrowserToRenderer> {
  /** Ids of the tabs it draws, kept by RendererRegistry. */
  readonly tabs = new Set<number>();
  /** Frame sink token: lets this renderer's compositor submit its tabs' surfaces, nothing else. */
  readonly token = randomBytes(16).toString('hex');
  /** Its main thread stuck in script: the IO thread's ping unanswered for too long. */
  private readonly mainThreadHang: HangMonitor;

  /** The site whose documents alone it may load; null while it is a spare. */
  private lockedSite: string | null;
  /** Launched as the spare; stays true after it is taken (Task Manager: "was the spare"). */
  readonly launchedAsSpare: boolean;
  /** Since its process started, when its main, compositor and raster threads had all loaded; null until then. */
  threadsStartedMs: number | null = null;

  constructor(
    site: string | null,
    launcher: ChildLauncher,
    sandbox: boolean,
    limits: { hangTimeoutMs: number; memoryBudgetMb: number } = DEFAULT_RENDERER_LIMITS,
  ) {
    super({
      role: 'renderer',
      title: site ? `Renderer: ${site}` : 'Spare renderer',
      entry: 'processes/renderer/main.js',
      // A spare's command line cannot name the site it will serve: `ps` shows it as the spare for good.
      extraArgs: [
        site ? `--minium-site=${site}` : '--minium-spare',
        `--minium-data-limit-mb=${limits.memoryBudgetMb + DATA_LIMIT_HEADROOM_MB}`,
      ],
      schema: RendererToBrowser,
      launcher,
      sandbox,
      maxHeapMb: 512,
      // One hung-renderer delay, as in Chromium, whether the whole process or only its main thread
      // is silent: a quiet renderer's heartbeat is then every 5 s, not every second.
      hangTimeoutMs: limits.hangTimeoutMs,
    });
    this.lockedSite = site;
    this.launchedAsSpare = site === null;
    this.mainThreadHang = new HangMonitor(Date.now(), limits.hangTimeoutMs);
    watchMemoryBudget(this, limits.memoryBudgetMb);
    this.onMessage((m) => {
      if (m.type === 'threads-started') {
        if (this.threadsStartedMs !== null) return this.reject('said its threads started twice');
        this.threadsStartedMs = m.ms;
        return;
      }
      if (m.type !== 'main-thread-health') return;
      const wasUnresponsive = this.unresponsive;
      const t = this.mainThreadHang.observeSilence(m.unansweredMs);
      if (t === 'hung') this.log(`main thread has not answered for ${m.unansweredMs} ms`);
      if (t && this.unresponsive !== wasUnresponsive) this.responsivenessEmitter.fire(t);
    });
  }

  /** Launching (no `ready` yet), starting its threads, or warm (they have all loaded). */
  get warmth(): 'launching' | 'starting-threads' | 'warm' {
    if (this.state !== 'ready') return 'launching';
    return this.threadsStartedMs === null ? 'starting-threads' : 'warm';
  }

  get site(): string | null {
    return this.lockedSite;
  }

  override get title(): string {
    return this.lockedSite ? `Renderer: ${this.lockedSite}` : 'Spare renderer';
  }

  /** Locks a spare to the site that takes it; a lock is never changed. */
  lockToSite(site: string): void {
    if (this.lockedSite !== null)
      throw new Error(`Renderer ${this.pid} is locked to ${this.lockedSite}; it cannot take ${site}`);
    this.lockedSite = site;
  }

  /** Silent as a whole (stopped, IO thread stuck), or its main thread stuck in script. */
  override get unresponsive(): boolean {
    return super.unresponsive || this.mainThreadHang.isHung;
  }
}

/**
 * The spare renderer: one per RendererRegistry, as Chromium's SpareRenderProcessHostManager. It
 * keeps at most one renderer warm — launched, sandboxed, its threads started, locked to no site —
 * so that the next new site takes it instead of waiting for a process to start. A spare is
 * started only below the process limit, and only when the browser is idle (no tab loading or
 * waiting for its first frame, no renderer starting), so warming never competes with a page for
 * the CPU. A spare that dies is replaced the same way; one that keeps dying before it is ready
 * is given up on after a few tries, with a log line.
 */
import type { RenderProcessHost } from './RenderProcessHost';

/** Spares in a row that died before ready, after which none is started again. */
const MAX_FAILED_LAUNCHES = 3;
/** How often the browser is checked for idleness while a spare is wanted and missing. */
const IDLE_POLL_MS = 100;

export interface SpareInputs {
  enabled: boolean;
  hasSpare: boolean;
  /** Renderers locked to a site (the spare is not one). */
  lockedCount: number;
  limit: number;
  idle: boolean;
  failedLaunches: number;
}

/** What to do next; pure, so the policy is tested without processes or timers. */
export function spareAction(s: SpareInputs): 'launch' | 'wait' | 'none' {
  if (!s.enabled || s.hasSpare || s.failedLaunches >= MAX_FAILED_LAUNCHES) return 'none';
  // Taking the spare makes it a site's renderer: there must be room for one more under the limit.
  if (s.lockedCount >= s.limit) return 'none';
  return s.idle ? 'launch' : 'wait';
}

export interface SpareStats {
  enabled: boolean;
  /** New sites that took the spare. */
  taken: number;
  /** New sites that found no spare and waited for a launch. */
  coldLaunches: number;
  failedLaunches: number;
}

export class SpareRenderer {
  private host: RenderProcessHost | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly stats: SpareStats;

  constructor(
    enabled: boolean,
    private readonly parts: {
      launch: () => RenderProcessHost;
      lockedCount: () => number;
      limit: number;
      idle: () => boolean;
    },
  ) {
    this.stats = { enabled, taken: 0, coldLaunches: 0, failedLaunches: 0 };
  }

  get current(): RenderProcessHost | null {
    return this.host;
  }

  get statistics(): SpareStats {
    return { ...this.stats };
  }

  /** Starts watching for a moment to warm a spare in. */
  start(): void {
    this.stopped = false;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** A new site needs a renderer: the spare, if there is one (even still starting), else null. */
  take(): RenderProcessHost | null {
    const host = this.host;
    if (host) this.stats.taken++;
    else this.stats.coldLaunches++;
    this.host = null;
    this.schedule();
    return host;
  }

  private schedule(): void {
    if (this.stopped || this.timer || this.next() === 'none') return;
    this.timer = setInterval(() => this.tick(), IDLE_POLL_MS);
    this.timer.unref();
  }

  private next(): 'launch' | 'wait' | 'none' {
    return spareAction({
      enabled: this.stats.enabled,
      hasSpare: this.host !== null,
      lockedCount: this.parts.lockedCount(),
      limit: this.parts.limit,
      idle: this.parts.idle(),
      failedLaunches: this.stats.failedLaunches,
    });
  }

  private tick(): void {
    const action = this.next();
    if (action === 'wait') return;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (action === 'launch') this.warm();
  }

  private warm(): void {
    const host = this.parts.launch();
    this.host = host;
    host.onReady(() => (this.stats.failedLaunches = 0));
    host.onGone((gone) => {
      if (gone.reason === 'launch-failed') this.stats.failedLaunches++; // it died before ready
      if (this.stats.failedLaunches === MAX_FAILED_LAUNCHES)
        host.log(`${MAX_FAILED_LAUNCHES} spare renderers in a row died before ready; no more spares`);
      if (this.host !== host) return; // taken: its end is its site's business
      this.host = null;
      this.schedule();
    });
  }
}

/**
 * The hang clock: one per Browser, from its construction to its shutdown. Every HANG_CHECK_MS it
 * asks each live renderer whether it has been silent too long (each host's HangMonitor decides).
 * Unref'd, so an idle browser is not kept alive by it.
 */
export const HANG_CHECK_MS = 500;

export class HangClock {
  private readonly timer: NodeJS.Timeout;

  constructor(children: () => Iterable<{ checkResponsive(now: number): void }>) {
    this.timer = setInterval(() => {
      const now = Date.now();
      for (const c of children()) c.checkResponsive(now);
    }, HANG_CHECK_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

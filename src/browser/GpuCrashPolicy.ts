/**
 * What to do when the GPU process dies. As in Chromium, a few crashes are absorbed by
 * restarting it; too many in a short window mean the GPU path is broken, and compositing falls
 * back to the browser process. Pure: the caller passes the time.
 */
export type GpuCrashDecision = 'restart' | 'fallback';

export class GpuCrashPolicy {
  private crashes: number[] = [];
  private fellBack = false;
  private total = 0;

  constructor(
    readonly maxCrashes = 3,
    readonly windowMs = 2 * 60 * 1000,
  ) {}

  recordCrash(nowMs: number): GpuCrashDecision {
    this.crashes = this.crashes.filter((t) => nowMs - t < this.windowMs);
    this.crashes.push(nowMs);
    this.total++;
    if (this.fellBack || this.crashes.length >= this.maxCrashes) this.fellBack = true;
    return this.fellBack ? 'fallback' : 'restart';
  }

  get totalCrashes(): number {
    return this.total;
  }

  get inFallback(): boolean {
    return this.fellBack;
  }
}

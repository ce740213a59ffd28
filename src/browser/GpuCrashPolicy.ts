/**
 * What to do when the GPU process dies, as Chromium's GpuProcessHost decides it: each crash adds
 * one to a count of recent crashes, after first forgiving one crash for every 5 minutes since the
 * previous one (kForgiveGpuCrashMinutes); at 3 (kGpuFallbackCrashCount, desktop) the browser falls
 * back to the next, more stable GPU mode (GpuDataManagerImplPrivate::FallBackToNextGpuMode), whose
 * count starts from zero. Chromium's stack is hardware GPU → SwiftShader → a GPU process that only
 * composites; Minium's is shorter: the GPU process → compositing in the browser process, the last
 * level (Minium never falls back to a GPU process again, as Chromium does not within a session).
 * One per GpuService. Pure: the caller passes the time.
 */
import type { GpuPolicyInfo } from '../common/controlApi';

export type GpuCrashDecision = 'restart' | 'fallback';

/** Chromium's kGpuFallbackCrashCount on desktop (6 on Android and ChromeOS, which have no software fallback). */
export const GPU_FALLBACK_CRASH_COUNT = 3;
/** Chromium's kForgiveGpuCrashMinutes. */
export const GPU_FORGIVE_CRASH_MS = 5 * 60 * 1000;

/** Minium's fallback stack, best first, each level beside the Chromium mode it stands for. */
export const GPU_MODES: GpuPolicyInfo['stack'] = [
  {
    mode: 'gpu',
    label: 'GPU process (display compositor)',
    chromium: 'GPU process: hardware GPU (Vulkan, then GL), then SwiftShader',
  },
  {
    mode: 'browser',
    label: 'Compositing in the browser process',
    chromium: 'a GPU process that only composites (no GPU); if that crashes too, the browser ends itself',
  },
];

export class GpuCrashPolicy {
  private level = 0;
  private recent = 0;
  private lastCrashAt: number | null = null;
  private total = 0;

  constructor(
    readonly maxCrashes = GPU_FALLBACK_CRASH_COUNT,
    readonly forgiveMs = GPU_FORGIVE_CRASH_MS,
  ) {}

  recordCrash(nowMs: number): GpuCrashDecision {
    this.total++;
    if (this.level === GPU_MODES.length - 1) return 'fallback'; // nothing below the last level
    this.recent = this.recentAt(nowMs) + 1;
    this.lastCrashAt = nowMs;
    if (this.recent < this.maxCrashes) return 'restart';
    this.level = Math.min(this.level + 1, GPU_MODES.length - 1);
    this.recent = 0; // the next mode counts its own crashes
    return 'fallback';
  }

  /** Recent crashes as the next crash would find them: one forgiven per `forgiveMs` since the last. */
  private recentAt(nowMs: number): number {
    if (this.lastCrashAt === null) return this.recent;
    return Math.max(0, this.recent - Math.floor((nowMs - this.lastCrashAt) / this.forgiveMs));
  }

  get totalCrashes(): number {
    return this.total;
  }

  get inFallback(): boolean {
    return this.level > 0;
  }

  describe(nowMs: number): GpuPolicyInfo {
    const recent = this.recentAt(nowMs);
    return {
      stack: GPU_MODES,
      level: this.level,
      recentCrashes: recent,
      maxCrashes: this.maxCrashes,
      forgiveMinutes: this.forgiveMs / 60000,
      totalCrashes: this.total,
      // The next forgiveness falls a whole interval after the last crash, counted from it.
      nextForgivenAt:
        recent > 0 && this.lastCrashAt !== null
          ? this.lastCrashAt + (Math.floor((nowMs - this.lastCrashAt) / this.forgiveMs) + 1) * this.forgiveMs
          : null,
    };
  }
}

/**
 * Bounds each renderer's memory: one RendererMemoryBudget per Browser samples every live
 * renderer's resident memory and ends any that exceeds the budget with reason `oom`, as
 * Chromium's renderer dies when its allocator can have no more. Page script that only asks for
 * one huge ArrayBuffer gets a RangeError inside the renderer (V8's own refusal); growth that
 * actually commits memory past the budget ends the renderer here.
 */
import { readResidentBytes } from './ProcessMetrics';
import type { RenderProcessHost } from './RenderProcessHost';

/** Default budget: generous for any demo page, far below a desktop's memory. */
export const RENDERER_MEMORY_BUDGET_MB = 2048;
/** Sampling period: a renderer growing at a few GB/s overshoots by a fraction of the budget at most. */
const SAMPLE_MS = 250;

export class RendererMemoryBudget {
  private readonly timer: NodeJS.Timeout;
  private sampling = false;

  constructor(
    private readonly renderers: () => RenderProcessHost[],
    readonly budgetMb = RENDERER_MEMORY_BUDGET_MB,
  ) {
    this.timer = setInterval(() => void this.sample(), SAMPLE_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async sample(): Promise<void> {
    if (this.sampling) return; // a slow reading is not stacked on by the next
    this.sampling = true;
    try {
      const live = this.renderers().filter((r) => r.state === 'ready' && r.pid);
      const resident = await Promise.all(live.map((r) => readResidentBytes(r.pid!)));
      for (const [i, r] of live.entries()) {
        const rssMb = (resident[i] ?? 0) / (1024 * 1024);
        if (rssMb <= this.budgetMb) continue;
        r.log(`uses ${Math.round(rssMb)} MB, over its ${this.budgetMb} MB budget: ending it as out of memory`);
        r.terminate('oom');
      }
    } finally {
      this.sampling = false;
    }
  }
}

/**
 * Bounds a renderer's memory: its resident memory is read each time it reports its threads, and
 * a renderer over its budget is ended with reason `oom`, as Chromium's renderer dies when its
 * allocator can have no more. Page script that only asks for one huge ArrayBuffer gets a
 * RangeError inside the renderer (V8's own refusal); growth that actually commits memory past
 * the budget ends the renderer here. A growing renderer is busy, so it reports at the live rate
 * (every half second): one at a few GB/s overshoots by a fraction of the budget at most; a
 * quiet one is not read at all.
 */
import { BUSY_LOAD } from '../common/protocol';
import { readResidentBytes } from './ProcessMetrics';
import type { RenderProcessHost } from './RenderProcessHost';

/** Default budget: generous for any demo page, far below a desktop's memory. */
export const RENDERER_MEMORY_BUDGET_MB = 2048;

/** Checks the renderer's budget at each of its reports, for as long as it lives. */
export function watchMemoryBudget(renderer: RenderProcessHost, budgetMb = RENDERER_MEMORY_BUDGET_MB): void {
  let sampling = false;
  const check = async () => {
    if (sampling || renderer.state !== 'ready' || !renderer.pid) return; // a slow reading is not stacked on by the next
    sampling = true;
    try {
      const rssMb = ((await readResidentBytes(renderer.pid)) ?? 0) / (1024 * 1024);
      if (rssMb <= budgetMb) return;
      renderer.log(`uses ${Math.round(rssMb)} MB, over its ${budgetMb} MB budget: ending it as out of memory`);
      renderer.terminate('oom');
    } finally {
      sampling = false;
    }
  };
  // Memory grows only while a thread works: a quiet renderer's heartbeat reads nothing.
  renderer.onReported((threads) => {
    if (threads.some((t) => t.busy > BUSY_LOAD)) void check();
  });
}

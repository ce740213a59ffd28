import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/** Busy fraction of an event loop since the previous reading (event-loop utilization). */
export class LoopLoad {
  private last: EventLoopUtilization;

  constructor(
    private readonly read: (prev?: EventLoopUtilization) => EventLoopUtilization = (p) =>
      performance.eventLoopUtilization(p),
  ) {
    this.last = read();
  }

  sample(): number {
    const now = this.read();
    const delta = this.read(this.last);
    this.last = now;
    return Math.min(1, Math.max(0, Number.isFinite(delta.utilization) ? delta.utilization : 0));
  }
}

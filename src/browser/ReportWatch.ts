/**
 * Whether anyone looks at the processes' figures. The Task Manager, the architecture view and
 * process-internals poll them (about once a second) while open: each look keeps every child
 * reporting at the live rate until WATCH_MS after the last one; then children go back to a
 * heartbeat while they are quiet, and an idle browser is not kept awake by its own statistics.
 */
import type { ProcessHostView } from './ChildProcessHost';

/** Longer than the windows' poll period, so an open Task Manager stays live between its polls. */
export const WATCH_MS = 3000;

export class ReportWatch {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly hosts: () => Iterable<Pick<ProcessHostView, 'setWatched'>>) {}

  /** Someone looked: every child, new ones included, reports at the live rate for a while. */
  looked(): void {
    for (const h of this.hosts()) h.setWatched(true);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.lookedAway(), WATCH_MS);
    this.timer.unref();
  }

  private lookedAway(): void {
    this.timer = null;
    for (const h of this.hosts()) h.setWatched(false);
  }
}

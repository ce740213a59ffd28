/**
 * Reports every child process's life as browser events: one observer per Browser, watching each
 * host from its launch. `process-launched` when it is ready, `bad-message` when it is killed for
 * one, `process-gone` (and a log line, unless the browser is stopping) when it ends.
 */
import type { BrowserEvent } from '../common/controlApi';
import type { Emitter } from '../common/Emitter';
import type { ProcessHostView } from './ChildProcessHost';

export class ChildProcessObserver {
  private stopping = false;

  constructor(private readonly events: Emitter<BrowserEvent>) {}

  /** The browser is shutting down: its children's ends are expected, not news for the log. */
  stop(): void {
    this.stopping = true;
  }

  observe(host: ProcessHostView): void {
    host.onReady((pid) => this.events.fire({ type: 'process-launched', pid, role: host.role, title: host.title }));
    host.onBadMessage((reason) =>
      this.events.fire({ type: 'bad-message', pid: host.pid ?? 0, role: host.role, reason }),
    );
    host.onGone((g) => {
      if (!this.stopping) host.log(`gone: ${g.reason}${g.signal ? ` (${g.signal})` : ` (exit code ${g.exitCode})`}`);
      this.events.fire({
        type: 'process-gone',
        pid: host.pid ?? 0,
        role: host.role,
        title: host.title,
        reason: g.reason,
        exitCode: g.exitCode,
      });
    });
  }
}

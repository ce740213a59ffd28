/**
 * Notices a child that stopped answering (`kill -STOP`, a wedged IO thread), as Chromium's hung
 * renderer detection does, and notices when it answers again. Children report at least three
 * times per timeout (a quiet one's heartbeat), so silence longer than the timeout means
 * unresponsive. Also judges a silence measured elsewhere: how long a renderer's main thread has
 * left its IO thread's ping unanswered. Pure: the caller passes the time.
 */
export type HangTransition = 'hung' | 'recovered' | null;

export class HangMonitor {
  private lastHeard: number;
  private hung = false;

  constructor(
    now: number,
    readonly timeoutMs = 3000,
  ) {
    this.lastHeard = now;
  }

  heard(now: number): HangTransition {
    this.lastHeard = now;
    if (!this.hung) return null;
    this.hung = false;
    return 'recovered';
  }

  check(now: number): HangTransition {
    if (this.hung || now - this.lastHeard <= this.timeoutMs) return null;
    this.hung = true;
    return 'hung';
  }

  /** A silence measured by someone else; 0 means the latest ping was answered. */
  observeSilence(silentMs: number): HangTransition {
    if (!this.hung && silentMs > this.timeoutMs) {
      this.hung = true;
      return 'hung';
    }
    if (!this.hung || silentMs > 0) return null;
    this.hung = false;
    return 'recovered';
  }

  get isHung(): boolean {
    return this.hung;
  }
}

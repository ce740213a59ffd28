/**
 * A script context's timers (`setTimeout`, `setInterval`), one ScriptTimers per ScriptContext.
 * Each timer is one host timeout, re-armed after every run of an interval. When they may wake
 * the thread follows the page's lifecycle, as in Chromium: a shown page's timers run when due; a
 * hidden page's are throttled, each run moved to the next aligned wake-up once a second, so all
 * of them wake the thread together at most once a second; a frozen page's do not run at all
 * until it is resumed. Shown again, every timer goes back to its own due time.
 */
export type WakeUps = 'when-due' | 'once-a-second' | 'never';

const ALIGNMENT_MS = 1000;

interface Timer {
  delayMs: number;
  repeat: boolean;
  due: number;
  handle: NodeJS.Timeout | null;
}

export class ScriptTimers {
  private readonly timers = new Map<number, Timer>();
  private wakeUps: WakeUps = 'when-due';

  constructor(private readonly fire: (id: number) => void) {}

  add(id: number, delayMs: number, repeat: boolean): void {
    // As browsers clamp an interval, so that `setInterval(f, 0)` cannot spin the thread.
    const delay = repeat ? Math.max(delayMs, 4) : delayMs;
    const timer: Timer = { delayMs: delay, repeat, due: performance.now() + delay, handle: null };
    this.timers.set(id, timer);
    this.arm(id, timer);
  }

  clear(id: number): void {
    const t = this.timers.get(id);
    if (t?.handle) clearTimeout(t.handle);
    this.timers.delete(id);
  }

  setWakeUps(wakeUps: WakeUps): void {
    if (wakeUps === this.wakeUps) return;
    this.wakeUps = wakeUps;
    for (const [id, t] of this.timers) this.arm(id, t);
  }

  dispose(): void {
    for (const t of this.timers.values()) if (t.handle) clearTimeout(t.handle);
    this.timers.clear();
  }

  private arm(id: number, t: Timer): void {
    if (t.handle) clearTimeout(t.handle);
    t.handle = null;
    if (this.wakeUps === 'never') return;
    const at = this.wakeUps === 'when-due' ? t.due : Math.ceil(t.due / ALIGNMENT_MS) * ALIGNMENT_MS;
    const wait = Math.max(0, Math.min(at - performance.now(), 2 ** 31 - 1));
    t.handle = setTimeout(() => this.run(id), wait);
  }

  private run(id: number): void {
    const t = this.timers.get(id);
    if (!t) return;
    if (t.repeat) {
      t.due = performance.now() + t.delayMs;
      this.arm(id, t);
    } else {
      this.timers.delete(id);
    }
    this.fire(id);
  }
}

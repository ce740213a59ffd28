/**
 * A per-second budget of messages and bytes, for whatever relays text another party produces (a
 * renderer's console, a child's stderr): beyond it, messages are dropped and counted per key (a
 * tab), and once the second is over each key's count is reported once, so a flood becomes a single
 * "… messages dropped" note instead of growing the receiver without bound.
 */
export interface LogRate {
  messages: number;
  bytes: number;
}

const WINDOW_MS = 1000;

export class LogBudget<K> {
  private windowStart = -Infinity;
  private messages = 0;
  private bytes = 0;
  private readonly dropped = new Map<K, number>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly rate: LogRate,
    private readonly onDropped: (key: K, count: number) => void,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Whether a message of `size` characters from `key` may go now; if not, it is counted as dropped. */
  admit(key: K, size: number): boolean {
    const now = this.clock();
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now;
      this.messages = 0;
      this.bytes = 0;
    }
    if (this.messages < this.rate.messages && this.bytes + size <= this.rate.bytes) {
      this.messages++;
      this.bytes += size;
      return true;
    }
    this.dropped.set(key, (this.dropped.get(key) ?? 0) + 1);
    this.flushTimer ??= setTimeout(() => this.flush(), this.windowStart + WINDOW_MS - now);
    return false;
  }

  /** Reports what was dropped now (also done by itself when the second is over). */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const dropped = [...this.dropped];
    this.dropped.clear();
    for (const [key, count] of dropped) this.onDropped(key, count);
  }
}

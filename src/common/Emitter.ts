/** A typed event: `onX(listener)` returns a function that removes the listener. */
export class Emitter<T> {
  private listeners = new Set<(value: T) => void>();

  readonly event = (listener: (value: T) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  fire(value: T): void {
    for (const l of [...this.listeners]) {
      try {
        l(value);
      } catch (e) {
        // A faulty listener must not stop the others nor the caller (often an IPC handler).
        process.stderr.write(`[minium] event listener failed: ${e instanceof Error ? e.stack : String(e)}\n`);
      }
    }
  }
}

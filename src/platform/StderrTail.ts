import type { Readable } from 'node:stream';
import { LIMITS } from '../common/limits';
import { LogBudget } from '../common/LogBudget';
import { truncate } from '../common/truncate';

/**
 * Keeps the last few KiB a child wrote to stderr (exit reasons are read from it) and passes it
 * on, prefixed with the child's role. What it passes on is rate-limited and each line cut, so a
 * child writing in a loop (a page's worker, say) cannot flood the browser's own stderr: the rest
 * is dropped with a note. The child's stdout goes through the same relay (`relay`), under the
 * same budget, onto the browser's stderr: a child never writes to the browser's stdout, where
 * the web shell prints its URL.
 */
export class StderrTail {
  private tail = '';
  private readonly budget = new LogBudget<'lines'>(
    { messages: Infinity, bytes: LIMITS.stderrBytesPerSecond },
    (_, count) =>
      this.write(`… ${count} lines of stderr dropped (more than ${LIMITS.stderrBytesPerSecond} bytes a second)`),
  );

  constructor(
    stream: Readable | null | undefined,
    private readonly label: () => string,
    private readonly limit = 4096,
  ) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      this.tail = (this.tail + chunk.slice(-this.limit)).slice(-this.limit);
      this.pass(chunk);
    });
  }

  /** Passes on another stream of the child's (its stdout) under the same budget; kept out of the tail. */
  relay(stream: Readable | null | undefined): void {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => this.pass(chunk));
  }

  private pass(chunk: string): void {
    if (process.env.MINIUM_CHILD_STDERR === 'quiet') return;
    for (const line of chunk.split('\n')) {
      if (!line.trim()) continue;
      const cut = truncate(line, LIMITS.messageLength);
      if (this.budget.admit('lines', cut.length)) this.write(cut);
    }
  }

  text(): string {
    return this.tail;
  }

  private write(line: string): void {
    process.stderr.write(`[${this.label()}] ${line}\n`);
  }
}

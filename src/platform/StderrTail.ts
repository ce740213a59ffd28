import type { Readable } from 'node:stream';

/** Keeps the last few KiB a child wrote to stderr and passes it on, prefixed with the child's role. */
export class StderrTail {
  private tail = '';

  constructor(
    stream: Readable | null | undefined,
    private readonly label: () => string,
    private readonly limit = 4096,
  ) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      this.tail = (this.tail + chunk).slice(-this.limit);
      if (process.env.MINIUM_CHILD_STDERR !== 'quiet') {
        for (const line of chunk.split('\n')) if (line.trim()) process.stderr.write(`[${this.label()}] ${line}\n`);
      }
    });
  }

  text(): string {
    return this.tail;
  }
}

/**
 * Hands raster tasks to the raster threads (cc's raster worker pool): one task per idle thread,
 * in the order given. When a raster thread dies, its task fails with a clear error and goes back
 * to the queue; the IO thread starts a replacement and hands its port over.
 */
import type { MessagePort } from 'node:worker_threads';
import type { RasterResult, RasterTask } from '../threadMessages';

interface Job {
  task: RasterTask;
  done: (ok: boolean, thread: number) => void;
}

interface RasterThread {
  port: MessagePort;
  busy: Job | null;
}

export class RasterDispatcher {
  private readonly threads = new Map<number, RasterThread>();
  private queue: Job[] = [];
  /** Tiles drawn per raster thread since start, for the overlays and tests. */
  readonly tilesByThread = new Map<number, number>();

  constructor(private readonly log: (message: string) => void) {}

  /** A raster thread (new or a replacement) is available on this port. */
  attach(index: number, port: MessagePort): void {
    const previous = this.threads.get(index);
    if (previous?.busy) {
      this.log(`raster thread ${index} ended while drawing task ${previous.busy.task.taskId}; the tile goes to another thread`);
      previous.busy.done(false, index);
    }
    previous?.port.close();
    const thread: RasterThread = { port, busy: null };
    this.threads.set(index, thread);
    port.on('message', (r: RasterResult) => {
      const job = thread.busy;
      if (!job || job.task.taskId !== r.taskId) return;
      thread.busy = null;
      if (r.ok) this.tilesByThread.set(index, (this.tilesByThread.get(index) ?? 0) + 1);
      else this.log(`raster task ${r.taskId} failed on thread ${index}: ${r.error}`);
      job.done(r.ok, index);
      this.pump();
    });
    this.pump();
  }

  enqueue(jobs: Job[]): void {
    this.queue.push(...jobs);
    this.pump();
  }

  get idle(): boolean {
    return this.queue.length === 0 && [...this.threads.values()].every((t) => !t.busy);
  }

  private pump(): void {
    for (const [, t] of this.threads) {
      if (t.busy || this.queue.length === 0) continue;
      t.busy = this.queue.shift()!;
      t.port.postMessage(t.busy.task);
    }
  }
}

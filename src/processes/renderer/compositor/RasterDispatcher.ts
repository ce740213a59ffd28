/**
 * Hands raster tasks to the raster threads (cc's raster worker pool). Each thread holds up to two
 * tasks, so that it starts the next tile the moment it finishes one instead of waiting for the
 * compositor thread to hear back. When a raster thread dies, its tasks fail with a clear error
 * and go back to the queue; the IO thread starts a replacement and hands its port over.
 */
import type { MessagePort } from 'node:worker_threads';
import type { RasterResult, RasterTask } from '../threadMessages';
import { FLOWS } from '../../../common/TraceRecorder';
import { processFlowId, tracer } from '../../../platform/tracing';

interface Job {
  task: RasterTask;
  done: (ok: boolean, thread: number) => void;
}

interface RasterThread {
  port: MessagePort;
  inFlight: Job[];
}

const TASKS_PER_THREAD = 2;

export class RasterDispatcher {
  private readonly threads = new Map<number, RasterThread>();
  private queue: Job[] = [];

  constructor(private readonly log: (message: string) => void) {}

  /** A raster thread (new or a replacement) is available on this port. */
  attach(index: number, port: MessagePort): void {
    const previous = this.threads.get(index);
    for (const job of previous?.inFlight ?? []) {
      this.log(`raster thread ${index} ended while drawing task ${job.task.taskId}; the tile goes to another thread`);
      job.done(false, index);
    }
    previous?.port.close();
    const thread: RasterThread = { port, inFlight: [] };
    this.threads.set(index, thread);
    port.on('message', (r: RasterResult) => {
      const at = thread.inFlight.findIndex((j) => j.task.taskId === r.taskId);
      if (at < 0) return;
      const [job] = thread.inFlight.splice(at, 1);
      if (!r.ok) this.log(`raster task ${r.taskId} failed on thread ${r.thread}: ${r.error}`);
      job.done(r.ok, r.thread);
      this.pump();
    });
    this.pump();
  }

  enqueue(jobs: Job[]): void {
    this.queue.push(...jobs);
    this.pump();
  }

  get threadCount(): number {
    return this.threads.size;
  }

  /** Fills the least-loaded threads first, so work spreads over every thread before any holds two. */
  private pump(): void {
    for (let depth = 0; depth < TASKS_PER_THREAD; depth++) {
      for (const t of this.threads.values()) {
        if (this.queue.length === 0) return;
        if (t.inFlight.length > depth) continue;
        const job = this.queue.shift()!;
        t.inFlight.push(job);
        const { task } = job;
        tracer.slice(
          'TileManager::ScheduleRasterTask',
          () => {
            tracer.flow('s', FLOWS.raster, processFlowId(task.taskId));
            t.port.postMessage(task);
          },
          { taskId: task.taskId },
        );
      }
    }
  }
}

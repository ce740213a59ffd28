/**
 * The compositor thread's vsync (cc's BeginFrameSource with its one observer, the scheduler):
 * it ticks at 60 Hz only while someone needs frames. `setNeedsBeginFrames()` starts it when
 * something changed (a commit, input, a raster result, an acknowledgement, a tab shown); each
 * tick asks `onBeginFrame` whether more frames are needed, and it stops when the answer is no,
 * as cc's scheduler stops asking for BeginFrames once idle. An idle renderer thus wakes no
 * thread at all. One per compositor thread.
 */
export class BeginFrameSource {
  private timer: NodeJS.Timeout | null = null;
  private ticks = 0;

  constructor(
    private readonly intervalMs: number,
    /** Produces this vsync's frames; returns whether another vsync is needed. */
    private readonly onBeginFrame: () => boolean,
  ) {}

  setNeedsBeginFrames(): void {
    this.timer ??= setInterval(() => this.tick(), this.intervalMs);
  }

  /** Vsyncs delivered so far, for the tile report. */
  get beginFrames(): number {
    return this.ticks;
  }

  private tick(): void {
    this.ticks++;
    if (this.onBeginFrame() || !this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
  }
}

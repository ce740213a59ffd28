/**
 * Dropped frames of one tab, per kind of sequence, over the last second (cc's FrameSequenceTracker
 * and DroppedFrameCounter, small): owned by the tab's LayerTreeHostImpl on the compositor thread,
 * fed once per vsync. At each vsync a running sequence expects a frame carrying its update; the
 * frame is dropped when none is submitted then (the display compositor is two frames behind, or
 * the tab is not yet granted), when the update did not come in time (a main-thread animation whose
 * main thread produced no commit), or when the vsync itself was missed (the compositor thread ran
 * late, and the vsyncs it slept through count as dropped).
 *
 * - compositor animation: a CSS animation of transform or opacity is running; an update every vsync.
 * - main-thread animation: the page's requestAnimationFrame loop is running (the main thread said
 *   so with its last commit); an update is a commit, one vsync of slack.
 * - scroll: a wheel scroll the compositor applied waits to be drawn.
 *
 * Pure: the clock comes in with each call.
 */
import { LIMITS } from '../../../common/limits';
import type { FrameMetrics, SequenceKind } from '../../../common/protocol';

export const WINDOW_MS = 1000;
/** Main-thread commits that may wait for a vsync: one frame of pipelining, as Blink's commit ahead of cc's draw. */
const MAX_PENDING_COMMITS = 2;
/** Vsyncs one late vsync may stand for: past a second the window holds nothing else anyway. */
const MAX_MISSED = 60;

const KINDS: SequenceKind[] = ['compositorAnimation', 'mainThreadAnimation', 'scroll'];

export class FrameSequenceMetrics {
  private readonly window = new Map<SequenceKind, { at: number; dropped: boolean }[]>(KINDS.map((k) => [k, []]));
  private mainAnimating = false;
  private pendingCommits = 0;
  private scrollPending = false;

  /** The main thread committed; `animating`: its page asked for another animation frame. */
  mainThreadCommitted(animating: boolean): void {
    this.pendingCommits = Math.min(MAX_PENDING_COMMITS, this.pendingCommits + 1);
    this.mainAnimating = animating;
  }

  /** The compositor scrolled: the next frame should show it. */
  scrolled(): void {
    this.scrollPending = true;
  }

  /**
   * One vsync. `missed`: vsyncs that passed before this one without the compositor thread seeing
   * them; `drew`: a frame was submitted at this vsync.
   */
  vsync(now: number, state: { compositorAnimating: boolean; drew: boolean; missed: number }): void {
    const missed = Math.min(MAX_MISSED, Math.max(0, state.missed));
    const record = (kind: SequenceKind, dropped: boolean) => {
      const list = this.window.get(kind)!;
      for (let i = 0; i < missed; i++) list.push({ at: now, dropped: true });
      list.push({ at: now, dropped });
    };
    if (state.compositorAnimating) record('compositorAnimation', !state.drew);
    if (this.mainAnimating) {
      const updated = state.drew && this.pendingCommits > 0;
      record('mainThreadAnimation', !updated);
      if (updated) this.pendingCommits--;
    } else {
      this.pendingCommits = 0;
    }
    if (this.scrollPending) {
      record('scroll', !state.drew);
      if (state.drew) this.scrollPending = false;
    }
    for (const list of this.window.values()) {
      while (list.length && list[0].at <= now - WINDOW_MS) list.shift();
      if (list.length > LIMITS.framesPerMetricsWindow) list.splice(0, list.length - LIMITS.framesPerMetricsWindow);
    }
  }

  /** Dropped frames of each kind over the last second, or null for a kind that did not run then. */
  metrics(now: number): FrameMetrics {
    const of = (kind: SequenceKind) => {
      const recent = this.window.get(kind)!.filter((f) => f.at > now - WINDOW_MS);
      if (!recent.length) return null;
      const dropped = recent.filter((f) => f.dropped).length;
      return { percentDropped: Math.round((dropped / recent.length) * 1000) / 10, frames: recent.length };
    };
    return {
      compositorAnimation: of('compositorAnimation'),
      mainThreadAnimation: of('mainThreadAnimation'),
      scroll: of('scroll'),
    };
  }
}

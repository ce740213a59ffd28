/** Dropped frames per kind of sequence over a sliding second, vsync by vsync (cc's FrameSequenceTracker, small). */
import { LIMITS } from '../../src/common/limits';
import { FrameSequenceMetrics, WINDOW_MS } from '../../src/processes/renderer/compositor/FrameSequenceMetrics';

const VSYNC = 1000 / 60;

/** Runs `count` vsyncs, the first one vsync after `last`, each described by `state(i)`; returns the last one's time. */
function run(
  m: FrameSequenceMetrics,
  last: number,
  count: number,
  state: (i: number) => { compositorAnimating?: boolean; drew?: boolean; missed?: number; commit?: boolean },
): number {
  for (let i = 0; i < count; i++) {
    const s = state(i);
    if (s.commit) m.mainThreadCommitted(true);
    m.vsync(last + (i + 1) * VSYNC, {
      compositorAnimating: s.compositorAnimating ?? false,
      drew: s.drew ?? true,
      missed: s.missed ?? 0,
    });
  }
  return last + count * VSYNC;
}

test('a kind that did not run in the last second has no figure', () => {
  const m = new FrameSequenceMetrics();
  run(m, 0, 60, () => ({}));
  expect(m.metrics(1000)).toEqual({ compositorAnimation: null, mainThreadAnimation: null, scroll: null });
});

test('a compositor animation drawn at every vsync drops nothing; one frame in four not drawn is 25 %', () => {
  const m = new FrameSequenceMetrics();
  let t = run(m, 0, 60, () => ({ compositorAnimating: true }));
  expect(m.metrics(t)).toEqual({ ...m.metrics(t), compositorAnimation: { percentDropped: 0, frames: 60 } });
  t = run(m, t, 60, (i) => ({ compositorAnimating: true, drew: i % 4 !== 0 }));
  expect(m.metrics(t).compositorAnimation).toEqual({ percentDropped: 25, frames: 60 });
});

test('the window slides: a second after the drops, they are forgotten', () => {
  const m = new FrameSequenceMetrics();
  let t = run(m, 0, 30, () => ({ compositorAnimating: true, drew: false }));
  expect(m.metrics(t).compositorAnimation!.percentDropped).toBe(100);
  t = run(m, t, 30, () => ({ compositorAnimating: true }));
  expect(m.metrics(t).compositorAnimation!.percentDropped).toBe(50);
  t = run(m, t, Math.ceil(WINDOW_MS / VSYNC), () => ({ compositorAnimating: true }));
  expect(m.metrics(t).compositorAnimation!.percentDropped).toBe(0);
});

test('vsyncs the compositor thread slept through count as dropped', () => {
  const m = new FrameSequenceMetrics();
  // Every vsync arrives two intervals late: one drawn, one missed, each time.
  const t = run(m, 0, 30, () => ({ compositorAnimating: true, missed: 1 }));
  expect(m.metrics(t).compositorAnimation).toEqual({ percentDropped: 50, frames: 60 });
});

test('a main-thread animation drops the frames its main thread did not commit for, while the compositor animation does not', () => {
  const m = new FrameSequenceMetrics();
  // A healthy rAF loop: a commit for each vsync.
  let t = run(m, 0, 60, () => ({ compositorAnimating: true, commit: true }));
  expect(m.metrics(t).mainThreadAnimation).toEqual({ percentDropped: 0, frames: 60 });
  // The main thread blocked in script: no commits, the page still animating; the compositor draws on.
  t = run(m, t, 60, () => ({ compositorAnimating: true }));
  expect(m.metrics(t).mainThreadAnimation).toEqual({ percentDropped: 100, frames: 60 });
  expect(m.metrics(t).compositorAnimation!.percentDropped).toBe(0);
});

test('a commit may arrive one vsync early or late without a drop (one frame of slack)', () => {
  const m = new FrameSequenceMetrics();
  // Commits land in pairs every other vsync: each waits at most one vsync.
  const t = run(m, 0, 60, (i) => {
    if (i % 2 === 0) m.mainThreadCommitted(true);
    return { commit: i % 2 === 0 };
  });
  expect(m.metrics(t).mainThreadAnimation!.percentDropped).toBe(0);
});

test('the main-thread animation ends with a commit that asks for no further frame', () => {
  const m = new FrameSequenceMetrics();
  let t = run(m, 0, 10, () => ({ commit: true }));
  m.mainThreadCommitted(false);
  t = run(m, t, 60, () => ({}));
  expect(m.metrics(t).mainThreadAnimation).toBeNull();
});

test('a scroll is dropped for each vsync it waits to be drawn', () => {
  const m = new FrameSequenceMetrics();
  m.scrolled();
  let t = run(m, 0, 3, (i) => ({ drew: i === 2 }));
  expect(m.metrics(t).scroll).toEqual({ percentDropped: 66.7, frames: 3 });
  t = run(m, t, 5, () => ({}));
  expect(m.metrics(t).scroll!.frames).toBe(3); // drawn: nothing more expected until the next scroll
});

test('never counts more frames than the protocol carries, however late the vsyncs', () => {
  const m = new FrameSequenceMetrics();
  const t = run(m, 0, 200, () => ({ compositorAnimating: true, missed: 1000 }));
  expect(m.metrics(t).compositorAnimation!.frames).toBeLessThanOrEqual(LIMITS.framesPerMetricsWindow);
});

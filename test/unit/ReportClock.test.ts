import { ReportClock } from '../../src/platform/child/ReportClock';
import { ReportWatch, WATCH_MS } from '../../src/browser/ReportWatch';

beforeEach(() => jest.useFakeTimers({ now: 0 }));
afterEach(() => jest.useRealTimers());

const rate = (watched: boolean) => ({ type: 'report-rate' as const, watched, liveMs: 500, heartbeatMs: 2000 });

/** A clock whose child is as busy as `busiest` says, recording when it reported. */
function clock(busiest: { value: number }) {
  const at: number[] = [];
  const watched: boolean[] = [];
  const c = new ReportClock((w) => {
    at.push(Date.now());
    watched.push(w);
    return { busiest: busiest.value };
  });
  return { c, at, watched };
}

describe('when a child reports its threads (ReportClock)', () => {
  test('at the live rate until the browser says otherwise', () => {
    const { c, at } = clock({ value: 0 });
    c.start();
    jest.advanceTimersByTime(2000);
    expect(at).toEqual([500, 1000, 1500, 2000]);
  });

  test('quiet and unwatched: a heartbeat only', () => {
    const { c, at } = clock({ value: 0 });
    c.start();
    c.setRate(rate(false));
    jest.advanceTimersByTime(6500);
    expect(at).toEqual([500, 2500, 4500, 6500]);
  });

  test('busy: the live rate even when nobody looks, and the heartbeat again once quiet', () => {
    const busy = { value: 0.5 };
    const { c, at } = clock(busy);
    c.start();
    c.setRate(rate(false));
    jest.advanceTimersByTime(1500);
    busy.value = 0.001;
    jest.advanceTimersByTime(4000);
    expect(at).toEqual([500, 1000, 1500, 2000, 4000]);
  });

  test('someone starting to look gets a report at once, then the live rate, each told it is watched', () => {
    const { c, at, watched } = clock({ value: 0 });
    c.start();
    c.setRate(rate(false));
    jest.advanceTimersByTime(600); // reported at 500; the next heartbeat would be at 2500
    c.setRate(rate(true));
    jest.advanceTimersByTime(1000);
    expect(at).toEqual([500, 600, 1100, 1600]);
    expect(watched).toEqual([false, true, true, true]);
  });
});

describe('whether anyone looks (ReportWatch)', () => {
  test('a look makes every child live; WATCH_MS after the last look they are told nobody looks', () => {
    const told: boolean[][] = [[], []];
    const hosts = [0, 1].map((i) => ({ setWatched: (w: boolean) => told[i].push(w) }));
    const watch = new ReportWatch(() => hosts);
    watch.looked();
    jest.advanceTimersByTime(WATCH_MS - 1);
    watch.looked(); // the Task Manager polls again: still watched
    jest.advanceTimersByTime(WATCH_MS - 1);
    expect(told).toEqual([
      [true, true],
      [true, true],
    ]);
    jest.advanceTimersByTime(1);
    expect(told).toEqual([
      [true, true, false],
      [true, true, false],
    ]);
  });

  test('a child started while someone looks is told at the next look', () => {
    const told: boolean[] = [];
    const hosts: { setWatched(w: boolean): void }[] = [];
    const watch = new ReportWatch(() => hosts);
    watch.looked();
    hosts.push({ setWatched: (w) => told.push(w) });
    watch.looked();
    expect(told).toEqual([true]);
  });
});

/**
 * A trace's time per thread, as `busiest` and `traced` read it: nested slices count once,
 * overlapping ones by their union, other processes' threads not at all.
 */
import type { ChromeTrace } from '../../src/common/controlApi';
import { threadTimes } from '../../src/scenario/traceThreads';

const meta = (pid: number, tid: number, name: string) => ({
  name: 'thread_name',
  ph: 'M' as const,
  pid,
  tid,
  args: { name },
});
const slice = (pid: number, tid: number, name: string, ts: number, dur: number) => ({
  name,
  cat: 'minium',
  ph: 'X' as const,
  pid,
  tid,
  ts,
  dur,
});

test('time inside slices per thread, nested and overlapping slices counted once, busiest first', () => {
  const trace = {
    traceEvents: [
      meta(7, 1, 'CrRendererMain'),
      meta(7, 2, 'Compositor'),
      meta(7, 3, 'Chrome_ChildIOThread'),
      meta(9, 4, 'CrRendererMain'),
      slice(7, 1, 'ProxyMain::BeginMainFrame', 100, 50),
      slice(7, 1, 'Layout', 110, 20), // inside the one above
      slice(7, 1, 'ParseHTML', 300, 40),
      slice(7, 2, 'SubmitCompositorFrame', 100, 30),
      slice(7, 2, 'TileManager::PrepareTiles', 120, 30), // overlaps the one above by 10
      slice(9, 4, 'ParseHTML', 0, 1000), // another process
    ],
    displayTimeUnit: 'ms',
    metadata: {},
  } as unknown as ChromeTrace;
  const times = threadTimes(trace, 7);
  expect(times.map((t) => [t.name, t.busyUs])).toEqual([
    ['CrRendererMain', 90],
    ['Compositor', 50],
    ['Chrome_ChildIOThread', 0],
  ]);
  expect([...times[0].slices]).toEqual(['ProxyMain::BeginMainFrame', 'Layout', 'ParseHTML']);
});

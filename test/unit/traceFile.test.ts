/**
 * Traces: the per-thread ring (TraceRecorder), the merged file (buildTrace) and the format check
 * written from the Trace Event Format and Perfetto's JSON importer (checkTraceFile).
 */
import { LIMITS } from '../../src/common/limits';
import { parseMessage, TraceData } from '../../src/common/protocol';
import { FLOWS, TraceRecorder } from '../../src/common/TraceRecorder';
import { buildTrace, type TracedProcess } from '../../src/common/traceFile';
import { checkTraceFile } from '../../src/common/traceFormatCheck';

/** A clock that advances one microsecond each time it is read. */
function steppingClock(start = 1000): () => number {
  let t = start;
  return () => t++;
}

describe('TraceRecorder', () => {
  test('records nothing while off, and runs the work all the same', () => {
    const r = new TraceRecorder(steppingClock());
    expect(r.slice('Paint', () => 42)).toBe(42);
    r.flow('s', FLOWS.input, 1);
    r.start();
    expect(r.stop().events).toEqual([]);
  });

  test('records complete slices with the flows inside them, oldest first', () => {
    const r = new TraceRecorder(steppingClock());
    r.start();
    r.slice('Commit', () => r.flow('s', FLOWS.commit, 0x1f), { tabId: 3 });
    const { events, dropped } = r.stop();
    expect(dropped).toBe(0);
    const [flow, slice] = events;
    expect(slice).toMatchObject({ ph: 'X', name: 'Commit', cat: 'minium', args: { tabId: 3 } });
    // Bound as DevTools binds: the slice's category, thread and start.
    expect(flow).toMatchObject({ ph: 's', name: 'Commit', cat: 'minium', id: '0x1f', ts: slice.ts });
    expect(r.enabled).toBe(false);
  });

  test('binds a flow step to the innermost slice, and records none outside every slice', () => {
    const r = new TraceRecorder(steppingClock());
    r.start();
    r.flow('s', FLOWS.frame, 1);
    r.slice('DrawAndSwap', () => r.slice('Present', () => r.flow('f', FLOWS.frame, 2)));
    const events = r.stop().events;
    const present = events.find((e) => e.name === 'Present')!;
    expect(events.filter((e) => e.ph === 'f')).toEqual([
      expect.objectContaining({ id: '0x2', ts: present.ts, bp: 'e' }),
    ]);
    expect(events.filter((e) => e.ph === 's')).toEqual([]);
  });

  test('keeps the newest events when the ring is full, and counts the ones it overwrote', () => {
    const r = new TraceRecorder(steppingClock(), 4);
    r.start();
    for (let i = 0; i < 10; i++) r.slice(`e${i}`, () => undefined);
    const { events, dropped } = r.stop();
    expect(events.map((e) => e.name)).toEqual(['e6', 'e7', 'e8', 'e9']);
    expect(dropped).toBe(6);
  });

  test('records a slice even when its work throws', () => {
    const r = new TraceRecorder(steppingClock());
    r.start();
    expect(() =>
      r.slice('Layout', () => {
        throw new Error('too deep');
      }),
    ).toThrow('too deep');
    expect(r.stop().events.map((e) => e.name)).toEqual(['Layout']);
  });

  test("records what the browser accepts from a child: a full buffer fits one message's schema", () => {
    const r = new TraceRecorder(steppingClock(), LIMITS.traceEventsPerMessage);
    r.start();
    for (let i = 0; i < LIMITS.traceEventsPerMessage + 5; i++)
      r.slice('RasterTask', () => r.flow('f', FLOWS.raster, i), { taskId: i, x: 256, y: 512 });
    const { events, dropped } = r.stop();
    const message = {
      type: 'trace-data',
      requestId: 1,
      thread: { tid: 77, name: 'CompositorTileWorker1', sortIndex: 3 },
      events,
      dropped,
    };
    expect(parseMessage(TraceData, message).ok).toBe(true);
    expect(JSON.stringify(message).length).toBeLessThan(LIMITS.childFrameBytes);
  });
});

/** Two processes whose threads pass an input along: browser → renderer (io, compositor) → browser. */
function twoProcesses(): TracedProcess[] {
  const clock = steppingClock();
  const browserMain = new TraceRecorder(clock);
  const io = new TraceRecorder(clock);
  const compositor = new TraceRecorder(clock);
  [browserMain, io, compositor].forEach((r) => r.start());
  browserMain.slice('ForwardInputEvent', () => browserMain.flow('s', FLOWS.input, 5));
  io.slice('RouteInput', () => io.flow('t', FLOWS.input, 5));
  compositor.slice('SubmitCompositorFrame', () => {
    compositor.flow('t', FLOWS.input, 5);
    compositor.flow('s', FLOWS.frame, 9); // its end is never recorded: the flow must not dangle
  });
  browserMain.slice('OnInputPresented', () => browserMain.flow('f', FLOWS.input, 5));
  return [
    {
      pid: 100,
      name: 'Browser',
      sortIndex: 0,
      threads: [{ tid: 100, name: 'CrBrowserMain', sortIndex: 0, ...browserMain.stop() }],
    },
    {
      pid: 200,
      name: 'Renderer',
      labels: 'https://a.example',
      sortIndex: 2,
      threads: [
        { tid: 201, name: 'Chrome_ChildIOThread', sortIndex: 1, ...io.stop() },
        { tid: 202, name: 'Compositor', sortIndex: 2, ...compositor.stop() },
      ],
    },
  ];
}

describe('buildTrace', () => {
  test('names every process and thread, stamps every event with both, and sorts by time', () => {
    const trace = buildTrace(twoProcesses(), { 'product-version': 'Minium' });
    expect(trace.displayTimeUnit).toBe('ms');
    const names = trace.traceEvents.filter((e) => e.ph === 'M' && e.name.endsWith('_name'));
    expect(names.map((e) => [e.pid, e.tid, e.args!.name])).toEqual([
      [100, 0, 'Browser'],
      [100, 100, 'CrBrowserMain'],
      [200, 0, 'Renderer'],
      [200, 201, 'Chrome_ChildIOThread'],
      [200, 202, 'Compositor'],
    ]);
    const timed = trace.traceEvents.filter((e) => e.ph !== 'M');
    expect(timed.map((e) => e.ts)).toEqual([...timed.map((e) => e.ts)].sort((a, b) => a! - b!));
    expect(checkTraceFile(trace)).toEqual([]);
  });

  test('keeps a flow only whole: the input that came back to the browser, not the frame that never ended', () => {
    const trace = buildTrace(twoProcesses(), {});
    const flows = trace.traceEvents.filter((e) => e.ph === 's' || e.ph === 't' || e.ph === 'f');
    expect(flows.map((e) => [e.ph, e.name, e.pid])).toEqual([
      ['s', 'LatencyInfo.Flow', 100],
      ['t', 'LatencyInfo.Flow', 200],
      ['t', 'LatencyInfo.Flow', 200],
      ['f', 'LatencyInfo.Flow', 100],
    ]);
  });

  test("never lets one process claim another process's thread id", () => {
    const processes = twoProcesses();
    processes[1].threads[0].tid = 100; // a renderer naming the browser's thread
    const trace = buildTrace(processes, {});
    expect(trace.traceEvents.filter((e) => e.tid === 100).every((e) => e.pid === 100)).toBe(true);
    expect(checkTraceFile(trace)).toEqual([]);
  });

  test('counts the events the rings dropped in the metadata', () => {
    const processes = twoProcesses();
    processes[1].threads[1].dropped = 12;
    expect(buildTrace(processes, {}).metadata['minium-dropped-events']).toBe(12);
  });
});

describe('checkTraceFile', () => {
  const ok = () => buildTrace(twoProcesses(), {});

  test('refuses what is not the object form', () => {
    expect(checkTraceFile([])).toEqual(['the file is not an object with a traceEvents array']);
  });

  test('finds an event of a thread never named', () => {
    const t = ok();
    t.traceEvents = t.traceEvents.filter((e) => !(e.name === 'thread_name' && e.tid === 202));
    expect(checkTraceFile(t).join()).toMatch(/thread 200\/202 has no thread_name/);
  });

  test('finds timestamps out of order', () => {
    const t = ok();
    const timed = t.traceEvents.filter((e) => e.ph !== 'M');
    timed[timed.length - 1].ts = 0;
    expect(checkTraceFile(t).join()).toMatch(/before the previous event/);
  });

  test('finds slices of one thread that overlap without nesting', () => {
    const t = ok();
    const meta = t.traceEvents.filter((e) => e.ph === 'M');
    t.traceEvents = [
      ...meta,
      { name: 'a', cat: 'x', ph: 'X', ts: 10, dur: 10, pid: 100, tid: 100 },
      { name: 'b', cat: 'x', ph: 'X', ts: 15, dur: 10, pid: 100, tid: 100 },
    ];
    expect(checkTraceFile(t).join()).toMatch(/overlap/);
  });

  test('finds a flow without its end, and a flow step bound to no slice', () => {
    const t = ok();
    const meta = t.traceEvents.filter((e) => e.ph === 'M');
    t.traceEvents = [
      ...meta,
      { name: 'a', cat: 'x', ph: 'X', ts: 10, dur: 10, pid: 100, tid: 100 },
      { name: 'F', cat: 'x', ph: 's', ts: 10, id: '0x1', pid: 100, tid: 100 },
      { name: 'F', cat: 'x', ph: 't', ts: 12, id: '0x1', pid: 100, tid: 100 },
    ];
    const problems = checkTraceFile(t).join('\n');
    expect(problems).toMatch(/a flow event at 12 that no earlier slice of thread 100\/100 and category x starts with/);
    expect(problems).toMatch(/flow x F 0x1: 1 starts and 0 ends/);
  });

  test('finds a thread id in two processes, and a flow end not bound to its enclosing slice', () => {
    const t = ok();
    const meta = t.traceEvents.filter((e) => e.ph === 'M');
    t.traceEvents = [
      ...meta,
      { name: 'thread_name', ph: 'M', pid: 200, tid: 100, args: { name: 'x' } },
      { name: 'a', cat: 'x', ph: 'X', ts: 10, dur: 10, pid: 100, tid: 100 },
      { name: 'F', cat: 'x', ph: 's', ts: 10, id: '0x1', pid: 100, tid: 100 },
      { name: 'F', cat: 'x', ph: 'f', ts: 10, id: '0x1', pid: 100, tid: 100 },
      { name: 'b', cat: 'x', ph: 'X', ts: 13, dur: 1, pid: 200, tid: 100 },
    ];
    const problems = checkTraceFile(t).join('\n');
    expect(problems).toMatch(/thread 100 appears in processes 100 and 200/);
    expect(problems).toMatch(/bp: "e"/);
  });
});

/**
 * The browser side of tracing against children that misbehave: what a child sends outside a stop
 * is ignored, a child sending more than its share is cut at `traceEventsPerProcess`, and a child
 * that never answers is left out after a while instead of holding the trace.
 */
import { TRACE_STOP_WAIT_MS, TraceController, type TracedHost } from '../../src/browser/TraceController';
import { Emitter } from '../../src/common/Emitter';
import { LIMITS } from '../../src/common/limits';
import type { TraceData, TraceEnd, TraceEvent, TraceOrder } from '../../src/common/protocol';

/** A child's host whose answers to a stop the test writes. */
function child(pid: number, answer: (stop: { requestId: number }, reply: (m: TraceData | TraceEnd) => void) => void) {
  const traces = new Emitter<TraceData | TraceEnd>();
  const sent: TraceOrder[] = [];
  const host: TracedHost = {
    pid,
    role: 'renderer',
    state: 'ready',
    site: 'https://a.example',
    send: (m) => {
      sent.push(m);
      if (m.type === 'trace-stop') answer(m, (reply) => traces.fire(reply));
    },
    onTrace: traces.event,
  };
  return { host, sent, reply: (m: TraceData | TraceEnd) => traces.fire(m) };
}

const slice = (ts: number): TraceEvent => ({ name: 'RasterTask', cat: 'minium', ph: 'X', ts, dur: 1 });
const data = (requestId: number, tid: number, events: TraceEvent[]): TraceData => ({
  type: 'trace-data',
  requestId,
  thread: { tid, name: 'CompositorTileWorker1', sortIndex: 3 },
  events,
  dropped: 0,
});

test('asks every child to record and merges what each sends for this stop only', async () => {
  const renderer = child(200, (stop, reply) => {
    reply(data(stop.requestId + 7, 201, [slice(1)])); // an answer to no stop: ignored
    reply(data(stop.requestId, 201, [slice(2), slice(3)]));
    reply({ type: 'trace-end', requestId: stop.requestId });
    reply(data(stop.requestId, 201, [slice(4)])); // after its end: ignored
  });
  const traces = new TraceController(() => [renderer.host]);
  traces.start();
  expect(renderer.sent).toEqual([{ type: 'trace-start' }]);
  const trace = await traces.stop();
  const raster = trace.traceEvents.filter((e) => e.pid === 200 && e.ph === 'X');
  expect(raster.map((e) => e.ts)).toEqual([2, 3]);
  expect(trace.traceEvents).toContainEqual(
    expect.objectContaining({ name: 'process_labels', pid: 200, args: { labels: 'https://a.example' } }),
  );
});

test("keeps at most its per-process share of one child's events, and counts the rest as dropped", async () => {
  const share = 2500;
  const many = Array.from({ length: LIMITS.traceEventsPerMessage }, (_, i) => slice(i));
  const pieces = 3;
  const renderer = child(300, (stop, reply) => {
    for (let i = 0; i < pieces; i++) reply(data(stop.requestId, 301, many));
    reply({ type: 'trace-end', requestId: stop.requestId });
  });
  const traces = new TraceController(() => [renderer.host], share);
  traces.start();
  const trace = await traces.stop();
  expect(trace.traceEvents.filter((e) => e.pid === 300 && e.ph === 'X')).toHaveLength(share);
  expect(trace.metadata['minium-dropped-events']).toBe(pieces * LIMITS.traceEventsPerMessage - share);
});

test('leaves out a child that never answers, after a while', async () => {
  jest.useFakeTimers();
  try {
    const silent = child(400, () => undefined);
    const traces = new TraceController(() => [silent.host]);
    traces.start();
    const stopped = traces.stop();
    jest.advanceTimersByTime(TRACE_STOP_WAIT_MS);
    const trace = await stopped;
    expect(trace.traceEvents.some((e) => e.name === 'process_name' && e.pid === 400)).toBe(true);
    expect(trace.traceEvents.filter((e) => e.pid === 400 && e.ph !== 'M')).toEqual([]);
  } finally {
    jest.useRealTimers();
  }
});

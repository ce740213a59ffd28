/**
 * The browser side of tracing against children that misbehave: a start waits for every live
 * child's answer and names one that never answers, what a child sends outside a stop is ignored,
 * a child sending more than its share is cut at `traceEventsPerProcess`, and a child that never
 * answers a stop is left out after a while instead of holding the trace, and named.
 */
import {
  TRACE_START_WAIT_MS,
  TRACE_STOP_WAIT_MS,
  TraceController,
  type TracedHost,
} from '../../src/browser/TraceController';
import { Emitter } from '../../src/common/Emitter';
import { LIMITS } from '../../src/common/limits';
import type { TraceAnswer, TraceData, TraceEvent, TraceOrder } from '../../src/common/protocol';

type Reply = (m: TraceAnswer) => void;
/** By default a child answers a start at once, with three threads recording. */
const answersStart = (start: { requestId: number }, reply: Reply) =>
  reply({ type: 'trace-started', requestId: start.requestId, threads: 3, silent: 0 });

/** A child that sends nothing but its trace-end at a stop. */
const endsAtStop = (stop: { requestId: number }, reply: Reply) =>
  reply({ type: 'trace-end', requestId: stop.requestId });
/** A child that answers a start only when the test calls `answer`. */
function answersWhenTold() {
  const told = { answer: (): void => undefined };
  const onStart = (start: { requestId: number }, reply: Reply) => {
    told.answer = () => answersStart(start, reply);
  };
  return { told, onStart };
}

/** A child's host whose answers to a start and a stop the test writes. */
function child(
  pid: number,
  answer: (stop: { requestId: number }, reply: Reply) => void,
  onStart: (start: { requestId: number }, reply: Reply) => void = answersStart,
) {
  const traces = new Emitter<TraceAnswer>();
  const sent: TraceOrder[] = [];
  const host: TracedHost = {
    pid,
    role: 'renderer',
    state: 'ready',
    site: 'https://a.example',
    send: (m) => {
      sent.push(m);
      if (m.type === 'trace-stop') answer(m, (reply) => traces.fire(reply));
      else onStart(m, (reply) => traces.fire(reply));
    },
    onTrace: traces.event,
  };
  return { host, sent, reply: (m: TraceAnswer) => traces.fire(m) };
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
  const started = await traces.start();
  expect(renderer.sent).toEqual([{ type: 'trace-start', requestId: expect.any(Number) }]);
  expect(started.recording).toEqual([
    { pid: 200, role: 'renderer', site: 'https://a.example', threads: 3, silentThreads: 0 },
  ]);
  expect(started.unacknowledged).toEqual([]);
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
  await traces.start();
  const trace = await traces.stop();
  expect(trace.traceEvents.filter((e) => e.pid === 300 && e.ph === 'X')).toHaveLength(share);
  expect(trace.metadata['minium-dropped-events']).toBe(pieces * LIMITS.traceEventsPerMessage - share);
});

test('leaves out a child that never answers a stop, after a while, and names it', async () => {
  jest.useFakeTimers();
  try {
    const silent = child(400, () => undefined);
    const traces = new TraceController(() => [silent.host]);
    await traces.start();
    const stopped = traces.stop();
    jest.advanceTimersByTime(TRACE_STOP_WAIT_MS);
    const trace = await stopped;
    expect(trace.traceEvents.some((e) => e.name === 'process_name' && e.pid === 400)).toBe(true);
    expect(trace.traceEvents.filter((e) => e.pid === 400 && e.ph !== 'M')).toEqual([]);
    expect(trace.metadata['minium-unanswered-stop']).toBe('Renderer 400 (https://a.example)');
  } finally {
    jest.useRealTimers();
  }
});

test('a start waits for every live child, and names one that does not answer in time', async () => {
  jest.useFakeTimers();
  try {
    const answering = child(500, endsAtStop);
    const later = answersWhenTold();
    const slow = child(600, endsAtStop, later.onStart);
    const mute = child(700, endsAtStop, () => undefined);
    const traces = new TraceController(() => [answering.host, slow.host, mute.host]);
    let settled = false;
    const starting = traces.start().then((r) => {
      settled = true;
      return r;
    });
    await Promise.resolve();
    expect(settled).toBe(false); // the slow child has not answered yet
    expect(traces.tracing).toBe(false);
    later.told.answer();
    await Promise.resolve();
    expect(settled).toBe(false); // nor the mute one
    jest.advanceTimersByTime(TRACE_START_WAIT_MS);
    const started = await starting;
    expect(started.recording.map((c) => c.pid)).toEqual([500, 600]);
    expect(started.unacknowledged).toEqual([{ pid: 700, role: 'renderer', site: 'https://a.example' }]);
    expect(traces.tracing).toBe(true);
    await expect(traces.start()).rejects.toThrow(/already being recorded/);
    const trace = await traces.stop();
    expect(trace.metadata['minium-unacknowledged-start']).toBe('Renderer 700 (https://a.example)');
    expect(trace.metadata['minium-unanswered-stop']).toBe('none');
  } finally {
    jest.useRealTimers();
  }
});

test('a stop asked while the start waits for answers comes after it', async () => {
  const later = answersWhenTold();
  const renderer = child(800, endsAtStop, later.onStart);
  const traces = new TraceController(() => [renderer.host]);
  const started = traces.start();
  const stopped = traces.stop();
  later.told.answer();
  await started;
  const trace = await stopped;
  expect(renderer.sent.map((m) => m.type)).toEqual(['trace-start', 'trace-stop']);
  expect(trace.metadata['minium-unacknowledged-start']).toBe('none');
});

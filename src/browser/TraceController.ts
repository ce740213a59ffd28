/**
 * Tracing across processes (Chromium's TracingController): one per Browser. `start` turns on the
 * browser's own recorder, asks every renderer, the GPU process and every plugin process to record,
 * and resolves once each live child answered that its threads record (or the wait for it ran out:
 * the child is then named, in the answer and in the file's metadata, never silently missing). A
 * child launched meanwhile is asked as it starts. `stop` asks each for its buffers, waits for each
 * child's `trace-end` (or gives up on it after a while, naming it too), and merges everything into
 * one Chrome JSON trace. What a child sends is validated by its host like any message, and kept
 * only while a start or stop waits for it, under `traceEventsPerProcess`: a hostile renderer can
 * neither crash nor bloat the browser with it.
 */
import { errors } from '../common/errors';
import { LIMITS } from '../common/limits';
import type { TraceAnswer, TraceOrder } from '../common/protocol';
import {
  buildTrace,
  type ChromeTrace,
  type TracedChild,
  type TracedProcess,
  type TracedThread,
  type TraceStartResult,
} from '../common/traceFile';
import { traceThread, tracer } from '../platform/tracing';

/**
 * How long a start waits for a child's answer: longer than a child waits for its own threads
 * (`TRACE_COLLECT_MS`), so a child with one stuck thread still answers in time.
 */
export const TRACE_START_WAIT_MS = 2000;
/** How long a stop waits for a child's buffers before leaving it out. */
export const TRACE_STOP_WAIT_MS = 3000;

/** What the controller needs of a child's host. */
export interface TracedHost {
  readonly pid: number | null;
  readonly role: string;
  readonly state: string;
  readonly site?: string | null;
  send(order: TraceOrder): void;
  onTrace(listener: (m: TraceAnswer) => void): () => void;
}

const PROCESS_NAMES: Record<string, { name: string; sortIndex: number }> = {
  browser: { name: 'Browser', sortIndex: 0 },
  gpu: { name: 'GPU Process', sortIndex: 1 },
  renderer: { name: 'Renderer', sortIndex: 2 },
  plugin: { name: 'PPAPI Process', sortIndex: 3 },
};

type StartAnswer = TraceStartResult['recording'][number] | { unacknowledged: TracedChild };

const describeChild = (c: TracedChild) =>
  `${PROCESS_NAMES[c.role]?.name ?? c.role} ${c.pid}${c.site ? ` (${c.site})` : ''}`;
const listed = (children: TracedChild[]) => children.map(describeChild).join(', ') || 'none';

export class TraceController {
  private startedAt: number | null = null;
  private requestId = 0;
  private starting: Promise<TraceStartResult> | null = null;
  private stopping: Promise<ChromeTrace> | null = null;
  private unacknowledged: TracedChild[] = [];
  private readonly browserThread = traceThread('CrBrowserMain', 0);

  constructor(
    private readonly hosts: () => TracedHost[],
    private readonly eventsPerProcess: number = LIMITS.traceEventsPerProcess,
  ) {}

  get tracing(): boolean {
    return this.startedAt !== null;
  }

  start(): Promise<TraceStartResult> {
    if (this.startedAt !== null || this.starting || this.stopping) return Promise.reject(errors.alreadyTracing());
    const requestId = ++this.requestId;
    tracer.start();
    // A child still starting has recorded nothing yet: it gets the order with its first messages
    // and records from its start, as one launched while tracing; the ready ones are waited for.
    const live = this.hosts().filter((h) => h.state !== 'gone' && h.pid !== null);
    for (const h of live) if (h.state !== 'ready') h.send({ type: 'trace-start', requestId });
    const ready = live.filter((h) => h.state === 'ready');
    this.starting = Promise.all(ready.map((h) => this.acknowledge(h, requestId))).then((answers) => {
      this.starting = null;
      this.startedAt = Date.now();
      const recording = answers.filter((a) => !('unacknowledged' in a)) as TraceStartResult['recording'];
      this.unacknowledged = answers.flatMap((a) => ('unacknowledged' in a ? [a.unacknowledged] : []));
      return { startedAt: this.startedAt, recording, unacknowledged: this.unacknowledged };
    });
    return this.starting;
  }

  /** A child launched while tracing records from its start. */
  launched(host: TracedHost): void {
    if (this.startedAt !== null || this.starting) host.send({ type: 'trace-start', requestId: this.requestId });
  }

  /** Asks one child to record and waits for its answer, or for the wait to run out. */
  private acknowledge(host: TracedHost, requestId: number): Promise<StartAnswer> {
    const child = this.childOf(host);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        unsubscribe();
        resolve({ unacknowledged: child });
      }, TRACE_START_WAIT_MS);
      const unsubscribe = host.onTrace((m) => {
        if (m.type !== 'trace-started' || m.requestId !== requestId) return;
        clearTimeout(timer);
        unsubscribe();
        resolve({ ...child, threads: m.threads, silentThreads: m.silent });
      });
      host.send({ type: 'trace-start', requestId });
    });
  }

  stop(): Promise<ChromeTrace> {
    if (this.starting) return this.starting.then(() => this.stop());
    if (this.startedAt === null) return Promise.reject(errors.notTracing());
    const startedAt = this.startedAt;
    this.startedAt = null;
    const requestId = ++this.requestId;
    const own = tracer.stop();
    const browser: TracedProcess = {
      pid: process.pid,
      ...PROCESS_NAMES.browser,
      threads: [{ ...this.browserThread, ...own }],
    };
    const children = this.hosts().filter((h) => h.state === 'ready' && h.pid !== null);
    this.stopping = Promise.all(children.map((h) => this.collect(h, requestId))).then((collected) => {
      this.stopping = null;
      return buildTrace([browser, ...collected.map((c) => c.process)], {
        'product-version': 'Minium',
        'trace-started': new Date(startedAt).toISOString(),
        'clock-domain': 'LINUX_CLOCK_MONOTONIC',
        // Processes whose part may be missing: they did not say they record, or did not send their buffers.
        'minium-unacknowledged-start': listed(this.unacknowledged),
        'minium-unanswered-stop': listed(collected.filter((c) => !c.answered).map((c) => c.child)),
      });
    });
    return this.stopping;
  }

  private childOf(host: TracedHost): TracedChild {
    return { pid: host.pid!, role: host.role, ...(host.site ? { site: host.site } : {}) };
  }

  /** Asks one child for its buffers and gathers them until its trace-end, or the wait runs out. */
  private collect(
    host: TracedHost,
    requestId: number,
  ): Promise<{ process: TracedProcess; child: TracedChild; answered: boolean }> {
    const threads = new Map<number, TracedThread>();
    const child = this.childOf(host);
    let kept = 0;
    let refused = 0;
    return new Promise((resolve) => {
      const done = (answered: boolean) => {
        clearTimeout(timer);
        unsubscribe();
        const names = PROCESS_NAMES[host.role] ?? { name: host.role, sortIndex: 4 };
        const list = [...threads.values()];
        if (list.length) list[0].dropped += refused;
        const process = { pid: child.pid, ...names, ...(child.site ? { labels: child.site } : {}), threads: list };
        resolve({ process, child, answered });
      };
      const timer = setTimeout(() => done(false), TRACE_STOP_WAIT_MS);
      const unsubscribe = host.onTrace((m) => {
        if (m.type === 'trace-started' || m.requestId !== requestId) return;
        if (m.type === 'trace-end') return done(true);
        const room = Math.max(0, this.eventsPerProcess - kept);
        const events = m.events.slice(0, room);
        refused += m.events.length - events.length;
        kept += events.length;
        const t = threads.get(m.thread.tid) ?? { ...m.thread, events: [], dropped: 0 };
        t.events.push(...events);
        t.dropped += m.dropped;
        threads.set(m.thread.tid, t);
      });
      host.send({ type: 'trace-stop', requestId });
    });
  }
}

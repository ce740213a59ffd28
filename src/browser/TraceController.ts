/**
 * Tracing across processes (Chromium's TracingController): one per Browser. `start` turns on the
 * browser's own recorder and asks every renderer and the GPU process to record (a child launched
 * meanwhile is asked as it starts); `stop` asks each for its buffers, waits for each child's
 * `trace-end` (or gives up on it after a while), and merges everything into one Chrome JSON trace.
 * What a child sends is validated by its host like any message, and kept only while a stop is
 * collecting, under `traceEventsPerProcess`: a hostile renderer can neither crash nor bloat the
 * browser with it.
 */
import { errors } from '../common/errors';
import { LIMITS } from '../common/limits';
import type { TraceData, TraceEnd, TraceOrder } from '../common/protocol';
import { buildTrace, type ChromeTrace, type TracedProcess, type TracedThread } from '../common/traceFile';
import { traceThread, tracer } from '../platform/tracing';

/** How long a stop waits for a child's buffers before leaving it out. */
export const TRACE_STOP_WAIT_MS = 3000;

/** What the controller needs of a child's host. */
export interface TracedHost {
  readonly pid: number | null;
  readonly role: string;
  readonly state: string;
  readonly site?: string | null;
  send(order: TraceOrder): void;
  onTrace(listener: (m: TraceData | TraceEnd) => void): () => void;
}

const PROCESS_NAMES: Record<string, { name: string; sortIndex: number }> = {
  browser: { name: 'Browser', sortIndex: 0 },
  gpu: { name: 'GPU Process', sortIndex: 1 },
  renderer: { name: 'Renderer', sortIndex: 2 },
};

export class TraceController {
  private startedAt: number | null = null;
  private requestSerial = 0;
  private stopping: Promise<ChromeTrace> | null = null;
  private readonly browserThread = traceThread('CrBrowserMain', 0);

  constructor(
    private readonly hosts: () => TracedHost[],
    private readonly eventsPerProcess: number = LIMITS.traceEventsPerProcess,
  ) {}

  get tracing(): boolean {
    return this.startedAt !== null;
  }

  start(): { startedAt: number } {
    if (this.startedAt !== null || this.stopping) throw errors.alreadyTracing();
    this.startedAt = Date.now();
    tracer.start();
    for (const h of this.hosts()) if (h.state !== 'gone') h.send({ type: 'trace-start' });
    return { startedAt: this.startedAt };
  }

  /** A child launched while tracing records from its start. */
  launched(host: TracedHost): void {
    if (this.startedAt !== null) host.send({ type: 'trace-start' });
  }

  stop(): Promise<ChromeTrace> {
    if (this.startedAt === null) return Promise.reject(errors.notTracing());
    const startedAt = this.startedAt;
    this.startedAt = null;
    const requestId = ++this.requestSerial;
    const own = tracer.stop();
    const browser: TracedProcess = {
      pid: process.pid,
      ...PROCESS_NAMES.browser,
      threads: [{ ...this.browserThread, ...own }],
    };
    const children = this.hosts().filter((h) => h.state === 'ready' && h.pid !== null);
    this.stopping = Promise.all(children.map((h) => this.collect(h, requestId))).then((processes) => {
      this.stopping = null;
      return buildTrace([browser, ...processes], {
        'product-version': 'Minium',
        'trace-started': new Date(startedAt).toISOString(),
        'clock-domain': 'LINUX_CLOCK_MONOTONIC',
      });
    });
    return this.stopping;
  }

  /** Asks one child for its buffers and gathers them until its trace-end, or the wait runs out. */
  private collect(host: TracedHost, requestId: number): Promise<TracedProcess> {
    const threads = new Map<number, TracedThread>();
    let kept = 0;
    let refused = 0;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        unsubscribe();
        const names = PROCESS_NAMES[host.role] ?? { name: host.role, sortIndex: 3 };
        const list = [...threads.values()];
        if (list.length) list[0].dropped += refused;
        resolve({ pid: host.pid!, ...names, ...(host.site ? { labels: host.site } : {}), threads: list });
      };
      const timer = setTimeout(done, TRACE_STOP_WAIT_MS);
      const unsubscribe = host.onTrace((m) => {
        if (m.requestId !== requestId) return;
        if (m.type === 'trace-end') return done();
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

/**
 * Renderer process entry. Its first thread is the IO thread (as in Chromium's renderer): it talks
 * to the browser process, starts the main, compositor and raster threads, relays what concerns
 * them, and reports per-thread load. Page work never runs here, so a busy page cannot stop the
 * renderer from answering the browser.
 */
import '../../platform/child/parentLifetime'; // first: die with the browser, whatever loads next
import '../../platform/child/allocatorOptions'; // before any native module loads
import * as path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { decodeDataUrl, isDataUrl } from '../../common/dataUrl';
import { OOM_EXIT_CODE } from '../../common/exitReason';
import { LIMITS } from '../../common/limits';
import { LogBudget } from '../../common/LogBudget';
import { truncate } from '../../common/truncate';
import { BrowserToRenderer, parseMessage, type RendererToBrowser, type ThreadStats } from '../../common/protocol';
import type { ThreadHeap, ThreadKind } from '../../common/protocol';
import { argValue, connectToParent } from '../../platform/child/parentPort';
import { native } from '../../platform/native';
import { LoopLoad } from '../../platform/child/LoopLoad';
import {
  heapFigures,
  type HeapAnswer,
  type HeapRequest,
  HeapReducer,
  reduceHeap,
} from '../../platform/child/ThreadHeap';
import { sandboxSelfOrExit, TEST_ATTACK_ARG } from '../../platform/child/sandboxSelf';
import type {
  FetchRequest,
  FromCompositor,
  FromMain,
  FromWorker,
  OutOfMemory,
  ResourceResult,
  ThreadStarted,
  ToCompositor,
  ToMain,
  ToWorker,
} from './threadMessages';
import { crashThisThread } from './threads/crash';
import { probeMemory } from '../../platform/child/memoryProbe';
import { probeSandbox } from '../../platform/child/sandboxProbe';
import { ChildTraceCollector } from '../../platform/child/ChildTraceCollector';
import { ReportClock, type ReportSeen } from '../../platform/child/ReportClock';
import { joinProcessTrace, tracer } from '../../platform/tracing';
import { FLOWS } from '../../common/TraceRecorder';

// The renderer's hard memory ceiling, set on itself before any page runs and never to be raised:
// past it the kernel refuses committed memory (an allocation throws, V8 dies of OOM). Linux
// enforces RLIMIT_DATA on mmap; macOS does not, and has only the browser's sampled budget.
const dataLimitMb = Number(argValue('minium-data-limit-mb'));
if (process.platform === 'linux' && dataLimitMb > 0) native().limitDataSegment(dataLimitMb * 1024 * 1024);

// The channel first (a connect-back socket is made before the sandbox); then locked down before
// the event loop first turns: no page, no message from the browser yet.
const parent = connectToParent<RendererToBrowser>();
const sandbox = sandboxSelfOrExit();
const send = (m: RendererToBrowser) => parent.send(m);
/** Every text the renderer sends is cut to the protocol's limits here, its sender: honest content always fits. */
const sendLog = (level: 'info' | 'warn' | 'error', message: string) =>
  send({ type: 'log', level, message: truncate(message, LIMITS.messageLength) });
type ConsoleLevel = 'log' | 'info' | 'warn' | 'error';
const sendConsole = (tabId: number, level: ConsoleLevel, message: string) =>
  send({ type: 'console', tabId, level, message: truncate(message, LIMITS.messageLength) });

/** A page that logs in a loop loses messages, and its console says how many, once a second. */
const consoleBudget = new LogBudget<number>(
  { messages: LIMITS.logMessagesPerSecond, bytes: LIMITS.logBytesPerSecond },
  (tabId, count) =>
    sendConsole(
      tabId,
      'warn',
      `… ${count} console messages dropped (more than ${LIMITS.logMessagesPerSecond} a second)`,
    ),
);
function pageConsole(tabId: number, level: ConsoleLevel, message: string): void {
  const cut = truncate(message, LIMITS.messageLength);
  if (consoleBudget.admit(tabId, cut.length)) sendConsole(tabId, level, cut);
}

interface ThreadRecord {
  id: string;
  kind: ThreadKind;
  worker: Worker | null;
  load: LoopLoad | null;
  state: 'running' | 'ended';
  error?: string;
  heap?: ThreadHeap;
  /** Its code has loaded and run (it said `started`). */
  started?: boolean;
}
const threads: ThreadRecord[] = [{ id: 'io', kind: 'io', worker: null, load: new LoopLoad(), state: 'running' }];
joinProcessTrace('Chrome_ChildIOThread', 1);
/** Every running thread, page workers included, records when the renderer traces. */
const traces = new ChildTraceCollector(send, () => threads.filter((t) => t.state === 'running').length);
let mainThread: Worker | null = null;
let compositorThread: Worker | null = null;
/**
 * Once the renderer is quiet after a page load, every thread reduces its heap: this one, then each
 * worker. Not a spare after its warm-up: it waits to be fast, and a page loads at once into the
 * young generations the warm-up grew.
 */
const heapReducer = new HeapReducer(LIMITS.heapReduceDelayMs, () => {
  reduceHeap();
  for (const t of threads) t.worker?.postMessage({ type: 'reduce-heap' } satisfies HeapRequest);
});
const MAX_ENDED_SHOWN = 8;

/** The IO thread's heap is the process's own (`--max-old-space-size`), read back from V8. */
const IO_HEAP_LIMIT_MB = Math.round(getHeapStatistics().heap_size_limit / 1048576);
/**
 * Each thread's V8 heap limit, as Chromium gives each isolate one: a thread that exceeds it
 * ends with ERR_WORKER_OUT_OF_MEMORY, and the renderer with it (the IO thread's own limit is the
 * process's --max-old-space-size).
 */
const HEAP_LIMIT_MB: Record<Exclude<ThreadKind, 'io' | 'display' | 'plugin'>, number> = {
  main: 512,
  compositor: 256,
  raster: 128,
  worker: 256,
};

/**
 * Each worker thread's young generation (two semi-spaces and a large-object space: 3 × a
 * semi-space). V8 grows an isolate's semi-spaces up to 16 MB while objects survive and keeps them:
 * after news.example loaded, the compositor and raster threads held 14 MB of young space more than
 * they use. Threads that run page work keep 4 MB semi-spaces (a long page's style, layout and paint
 * cost ~5% more CPU than with 16 MB; 1 MB would cost ~25%); the others, which allocate little per
 * frame, get V8's smallest. Not a process-wide --max-semi-space-size: V8 lets that flag override
 * every worker's own limit, so it cannot size threads apart (the IO thread keeps V8's default).
 */
const YOUNG_GENERATION_MB: Record<keyof typeof HEAP_LIMIT_MB, number> = {
  main: 12,
  compositor: 3,
  raster: 3,
  worker: 12,
};

/**
 * One thread out of memory ends the whole renderer, with the exit code the browser reads as
 * `oom` (Chromium's renderer dies of an OOM in any thread: they share one address space).
 */
function endAsOutOfMemory(detail: string): never {
  const line = `Out of memory: ${detail}`.slice(0, LIMITS.messageLength);
  send({ type: 'log', level: 'error', message: line });
  process.stderr.write(`${line}\n`);
  process.exit(OOM_EXIT_CODE);
}

function spawnThread(
  id: string,
  kind: keyof typeof HEAP_LIMIT_MB,
  file: string,
  workerData: object,
  transferList: MessagePort[],
  onEnded?: () => void,
): Worker {
  const worker = new Worker(path.join(__dirname, 'threads', file), {
    workerData: { ...workerData, tracing: traces.tracing },
    transferList: transferList as never,
    resourceLimits: {
      maxOldGenerationSizeMb: HEAP_LIMIT_MB[kind],
      maxYoungGenerationSizeMb: YOUNG_GENERATION_MB[kind],
    },
  });
  const record: ThreadRecord = {
    id,
    kind,
    worker,
    load: new LoopLoad((p) => worker.performance.eventLoopUtilization(p)),
    state: 'running',
  };
  threads.push(record);
  worker.on('error', (e) => {
    if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
      endAsOutOfMemory(`thread ${id} exhausted its ${HEAP_LIMIT_MB[kind]} MB JS heap`);
    record.error = e instanceof Error ? e.message : String(e);
    sendLog('error', `thread ${id} ended by an uncaught exception: ${record.error}`);
  });
  worker.on('exit', () => {
    record.state = 'ended';
    record.worker = null;
    record.load = null;
    const ended = threads.filter((t) => t.state === 'ended');
    if (ended.length > MAX_ENDED_SHOWN) threads.splice(threads.indexOf(ended[0]), 1);
    onEnded?.();
  });
  worker.on(
    'message',
    (m: { type: 'log'; message: string } | OutOfMemory | ThreadStarted | FromWorker | HeapAnswer) => {
      if (m.type === 'started') return threadStarted(record);
      if (m.type === 'heap') record.heap = m.heap;
      if (m.type === 'log') sendLog('warn', `${id}: ${m.message}`);
      if (m.type === 'out-of-memory') endAsOutOfMemory(m.detail);
    },
  );
  return worker;
}

/**
 * A spare's threads warm up (run their code once on something of their own) while it waits; a
 * renderer launched for a page does not, as the page itself is the first run it would have paid for.
 */
const warmUp = process.argv.includes('--minium-spare');

/**
 * Once main, compositor and every raster thread have loaded their code, the renderer is warm:
 * the browser hears it once (a spare is only worth taking from then on).
 */
let threadsStartedSent = false;
function threadStarted(record: ThreadRecord): void {
  record.started = true;
  const kinds: ThreadKind[] = ['main', 'compositor', 'raster'];
  const wanted = threads.filter((t) => kinds.includes(t.kind) && t.state === 'running');
  if (threadsStartedSent || !wanted.every((t) => t.started)) return;
  threadsStartedSent = true;
  send({ type: 'threads-started', ms: Math.round(performance.now()) });
}

/** A raster thread that dies is replaced (piscina's rule); the compositor re-queues its tile. */
function startRasterThread(index: number, generation = 1): void {
  const { port1, port2 } = new MessageChannel();
  const id = generation === 1 ? `raster-${index}` : `raster-${index}.${generation}`;
  spawnThread(id, 'raster', 'raster.js', { port: port1, index, warmUp }, [port1], () => {
    if (!shuttingDown) startRasterThread(index, generation + 1);
  });
  const m: ToCompositor = { type: 'raster-port', index, port: port2 as never };
  compositorThread?.postMessage(m, [port2]);
}

/**
 * Loads through the browser process on behalf of the main thread and the workers. Each gets its
 * answer under its own request id; the browser sees ids of the IO thread's own.
 */
const pendingLoads = new Map<number, (result: ResourceResult) => void>();
let loadSerial = 0;

function relayFetch(m: FetchRequest, answer: (requestId: number, result: ResourceResult) => void): void {
  const refuse = (error: string) => answer(m.requestId, { ok: false, error });
  if (isDataUrl(m.url)) {
    const decoded = decodeDataUrl(m.url);
    return answer(m.requestId, decoded.ok ? { ...decoded, status: 200 } : decoded);
  }
  if (m.url.length > LIMITS.urlLength)
    return refuse(`the address is ${m.url.length} characters long; at most ${LIMITS.urlLength} are loaded`);
  if (pendingLoads.size >= LIMITS.inFlightRequestsPerRenderer)
    return refuse(`this renderer already waits for ${LIMITS.inFlightRequestsPerRenderer} resources`);
  const requestId = ++loadSerial;
  pendingLoads.set(requestId, (result) => answer(m.requestId, result));
  send({ type: 'resource-request', requestId, tabId: m.tabId, url: m.url, destination: m.destination });
}

/** A page's `new Worker(url)`: a real thread, talking to the main thread over the port it brings. */
function startWebWorker(m: Extract<FromMain, { type: 'start-worker' }>): void {
  const running = threads.filter((t) => t.kind === 'worker' && t.state === 'running').length;
  if (running >= LIMITS.workersPerRenderer) {
    m.port.close();
    return pageConsole(
      m.tabId,
      'error',
      `the worker ${m.url} was not started: this renderer already runs ${LIMITS.workersPerRenderer} workers`,
    );
  }
  const worker = spawnThread(
    m.workerId,
    'worker',
    'worker.js',
    { workerId: m.workerId, tabId: m.tabId, url: m.url, port: m.port },
    [m.port],
  );
  worker.on('message', (w: FromWorker) => {
    if (w.type === 'fetch')
      relayFetch(w, (requestId, result) =>
        worker.postMessage({ type: 'resource', requestId, result } satisfies ToWorker),
      );
    if (w.type === 'console') pageConsole(m.tabId, w.level, `${m.workerId}: ${w.message}`);
  });
}

function start(rasterThreads: number): void {
  const { port1: mainSide, port2: compositorSide } = new MessageChannel();
  compositorThread = spawnThread('compositor', 'compositor', 'compositor.js', {}, []);
  compositorThread.on('message', (m: FromCompositor) => {
    if (m.type === 'tile-report') send({ type: 'tile-report', requestId: m.requestId, report: m.report });
  });
  compositorThread.postMessage({ type: 'main-port', port: compositorSide } satisfies ToCompositor as never, [
    compositorSide,
  ]);
  mainThread = spawnThread('main', 'main', 'main.js', { compositorPort: mainSide, warmUp }, [mainSide], () => {
    // A main thread ended by an exception is gone, not hung: nothing is left to ping.
    mainThread = null;
    mainUnansweredSince = null;
    send({ type: 'main-thread-health', unansweredMs: 0 });
  });
  mainThread.on('message', (m: FromMain) => {
    switch (m.type) {
      case 'fetch':
        return relayFetch(m, (requestId, result) => toMain({ type: 'resource', requestId, result }));
      case 'loaded':
        heapReducer.schedule();
        return send({ type: 'tab-loaded', tabId: m.tabId, title: truncate(m.title, LIMITS.titleLength) });
      case 'plugin-request':
        return send({
          type: 'plugin-request',
          tabId: m.tabId,
          instanceId: m.instanceId,
          mimeType: truncate(m.mimeType, LIMITS.mimeTypeLength),
          size: m.size,
        });
      case 'plugin-released':
        return send({ type: 'plugin-released', tabId: m.tabId, instanceId: m.instanceId });
      case 'start-worker':
        return startWebWorker(m);
      case 'stop-worker':
        return void threads.find((t) => t.id === m.workerId)?.worker?.terminate();
      case 'pong':
        return void (mainUnansweredSince = null);
      case 'console':
        return pageConsole(m.tabId, m.level, m.message);
    }
  });
  for (let i = 1; i <= rasterThreads; i++) startRasterThread(i);
  reports.start();
}

/**
 * The hang monitor's eyes (Chromium's main-thread ping): with each stats report the IO thread
 * pings the main thread and tells the browser how long a ping has gone unanswered. A page stuck
 * in script leaves it unanswered; the browser decides when that is too long.
 */
let pingSerial = 0;
let mainUnansweredSince: number | null = null;

function pingMainThread(): void {
  if (!mainThread) return;
  const now = Date.now();
  mainUnansweredSince ??= now;
  toMain({ type: 'ping', serial: ++pingSerial });
  send({ type: 'main-thread-health', unansweredMs: now - mainUnansweredSince });
}

/**
 * Heaps are asked for every this many reports while someone looks: they change slowly, the ask
 * wakes every thread, and only the Task Manager and the architecture view show them.
 */
const HEAP_REPORT_EVERY = 4;
let statsSerial = 0;

const reports = new ReportClock(reportStats);

function reportStats(watched: boolean): ReportSeen {
  if (watched && statsSerial++ % HEAP_REPORT_EVERY === 0) {
    threads[0].heap = heapFigures(); // the IO thread's own
    for (const t of threads) t.worker?.postMessage({ type: 'heap-request' } satisfies HeapRequest);
  }
  const stats: ThreadStats[] = threads.slice(0, LIMITS.threadsPerProcess).map((t) => ({
    id: t.id,
    name: t.id === 'io' ? 'Chrome_ChildIOThread' : t.id,
    kind: t.kind,
    busy: t.load?.sample() ?? 0,
    state: t.state,
    ...(t.error ? { error: truncate(t.error, LIMITS.messageLength) } : {}),
    heapLimitMb: t.kind in HEAP_LIMIT_MB ? HEAP_LIMIT_MB[t.kind as keyof typeof HEAP_LIMIT_MB] : IO_HEAP_LIMIT_MB,
    ...(t.heap && t.state === 'running' ? { heap: t.heap } : {}),
  }));
  send({ type: 'stats', threads: stats });
  pingMainThread();
  return { busiest: Math.max(...stats.map((t) => t.busy)) };
}

let shuttingDown = false;

const toMain = (m: ToMain) => mainThread?.postMessage(m);
const toCompositor = (m: ToCompositor) => compositorThread?.postMessage(m);

parent.onMessage((raw) => {
  const parsed = parseMessage(BrowserToRenderer, raw);
  if (!parsed.ok) {
    sendLog('error', `ignored a malformed message from the browser: ${parsed.reason}`);
    return;
  }
  const m = parsed.value;
  switch (m.type) {
    case 'init':
      start(m.rasterThreads);
      toCompositor({ type: 'overlays', overlays: m.overlays });
      toCompositor({ type: 'gpu-channel', gpu: m.gpu });
      break;
    case 'input':
      // Input goes to the compositor thread first: it scrolls on its own and hit-tests the rest for the main thread.
      tracer.slice(
        'ChildIOThread::RouteInput',
        () => {
          tracer.flow('t', FLOWS.input, m.inputId);
          toCompositor({ type: 'input', tabId: m.tabId, inputId: m.inputId, event: m.event });
        },
        { inputId: m.inputId },
      );
      break;
    case 'trace-start':
    case 'trace-stop':
      traces.obey(m);
      break;
    case 'report-rate':
      reports.setRate(m);
      break;
    case 'overlays':
      toCompositor({ type: 'overlays', overlays: m.overlays });
      break;
    case 'tile-report-request':
      toCompositor({ type: 'tile-report', requestId: m.requestId, tabId: m.tabId });
      break;
    case 'gpu-channel':
      toCompositor({ type: 'gpu-channel', gpu: m.gpu });
      break;
    case 'open-tab':
    case 'close-tab':
    case 'tab-lifecycle':
      toMain(m);
      break;
    case 'resource-response': {
      const answer = pendingLoads.get(m.requestId);
      pendingLoads.delete(m.requestId);
      answer?.(m.result);
      break;
    }
    case 'plugin-attached':
    case 'plugin-gone':
      toMain(m);
      break;
    case 'crash-thread': {
      if (m.threadId === 'io') return crashThisThread(m.how, 'io', endAsOutOfMemory);
      const t = threads.find((x) => x.id === m.threadId && x.state === 'running');
      t?.worker?.postMessage({ type: 'crash', how: m.how });
      break;
    }
    case 'debug-url':
      // As Chrome's renderer debug URLs: a forged message and the sandbox probe from here, the rest
      // on the page's main thread. The forgery is deliberately no RendererToBrowser: the browser
      // must refuse it and kill this process.
      if (m.kind === 'badmessage')
        return parent.send({ type: 'minium://badmessage', forged: true } as unknown as RendererToBrowser);
      if (m.kind === 'sandbox-probe')
        return void probeSandbox((level, message) => sendConsole(m.tabId, level, message));
      if (m.kind === 'memory-probe')
        return probeMemory(m.target ?? null, (level, message) => sendConsole(m.tabId, level, message));
      toMain({ type: 'crash', how: m.kind === 'crash' ? 'segfault' : m.kind });
      break;
    case 'shutdown':
      shuttingDown = true;
      // Tile pools are anonymous memory: they go with the process, however it ends.
      process.exit(0);
  }
});

send({ type: 'ready', pid: process.pid, sandbox });

// Test-only, never set by the shells (docs/security.md): a hostile-renderer test has this
// sandboxed renderer run an attack module and report each outcome over its channel.
const attack = argValue(TEST_ATTACK_ARG);
// eslint-disable-next-line @typescript-eslint/no-require-imports
if (attack) (require(attack) as TestAttack).run((message) => send({ type: 'log', level: 'info', message }));
interface TestAttack {
  run(report: (message: string) => void): void;
}

/**
 * A dedicated web worker: a real thread, started by the IO thread when a page calls
 * `new Worker(url)`. It fetches its script through the IO thread (the browser loads it, from any
 * site, as the web allows; a `data:` URL is decoded there), runs it in a context of its own, talks
 * to the page over a direct port, and logs to its page's console.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { answerHeapRequests, type HeapRequest, isHeapRequest } from '../../../platform/child/ThreadHeap';
import { LIMITS } from '../../../common/limits';
import { joinProcessTrace, tracer } from '../../../platform/tracing';
import { WORKER_ENVIRONMENT } from '../script/environments';
import { ScriptContext } from '../script/ScriptContext';
import type { CrashOrder, FromWorker, ToWorker, WorkerLifecycle } from '../threadMessages';
import { crashThisThread } from './crash';

const { workerId, tabId, url, port, tracing } = workerData as {
  workerId: string;
  tabId: number;
  url: string;
  port: MessagePort;
  tracing: boolean;
};
// Chromium's name for a dedicated worker's thread; listed after the renderer's own threads.
joinProcessTrace('DedicatedWorker thread', LIMITS.threadsPerProcess, tracing);
/** Slices named after Blink's: a timer firing, a message from the page. */
const CALL_SLICES: Record<string, string> = {
  timer: 'DOMTimer::Fired',
  message: 'WorkerGlobalScope::DispatchMessageEvent',
};
const toIo = (m: FromWorker) => parentPort!.postMessage(m);
const reportError = (message: string) => toIo({ type: 'console', level: 'error', message });
const context = new ScriptContext(
  WORKER_ENVIRONMENT,
  {
    postToPage: (json) => port.postMessage(String(json)),
    console: (level, message) =>
      toIo({
        type: 'console',
        level: level === 'warn' || level === 'error' ? level : 'info',
        message: String(message),
      }),
  },
  reportError,
  (kind, call) => tracer.slice(CALL_SLICES[kind] ?? kind, call, { workerId }),
);

// Messages the page sends before the script has arrived wait for it, as in a browser, and so do
// those sent while the page is frozen (a frozen page's workers run no task, as in Chromium).
const waiting: string[] = [];
let started = false;
let frozen = false;
const deliverWaiting = () => {
  for (const json of waiting.splice(0)) context.deliver('message', 0, json);
};
port.on('message', (m: string | WorkerLifecycle) => {
  if (typeof m === 'string') {
    if (started && !frozen) context.deliver('message', 0, m);
    else waiting.push(m);
    return;
  }
  frozen = m.frozen;
  context.timers.setWakeUps(frozen ? 'never' : 'when-due');
  if (started && !frozen) deliverWaiting();
});

answerHeapRequests(parentPort!);
parentPort!.on('message', (m: ToWorker | CrashOrder | HeapRequest) => {
  if (m.type === 'crash') return crashThisThread(m.how, workerId);
  if (isHeapRequest(m)) return;
  const result = m.result;
  if (!result.ok) return reportError(`could not load the worker script ${url}: ${result.error}`);
  tracer.slice('WorkerGlobalScope::EvaluateClassicScript', () => context.run(result.body, url), {
    workerId,
    url: url.slice(0, LIMITS.traceNameLength),
  });
  started = true;
  if (!frozen) deliverWaiting();
});
toIo({ type: 'fetch', requestId: 1, tabId, url, destination: 'script' });

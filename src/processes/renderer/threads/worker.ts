/**
 * A dedicated web worker: a real thread, started by the IO thread when a page calls
 * `new Worker(url)`. It fetches its script through the IO thread (the browser loads it, site
 * locked), runs it in a context of its own, and talks to the page over a direct port.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { WORKER_ENVIRONMENT } from '../script/environments';
import { ScriptContext } from '../script/ScriptContext';
import type { CrashOrder, ToWorker } from '../threadMessages';
import { crashThisThread } from './crash';

const { workerId, tabId, url, port } = workerData as {
  workerId: string;
  tabId: number;
  url: string;
  port: MessagePort;
};
const log = (message: string) => parentPort!.postMessage({ type: 'log', message: `${workerId} (${url}): ${message}` });
const context = new ScriptContext(
  WORKER_ENVIRONMENT,
  {
    postToPage: (json) => port.postMessage(String(json)),
    console: (level, message) => log(`console.${level}: ${message}`),
  },
  (message) => log(message),
);

// Messages the page sends before the script has arrived wait for it, as in a browser.
const early: string[] = [];
let started = false;
port.on('message', (json: string) => (started ? context.deliver('message', 0, json) : early.push(json)));

parentPort!.on('message', (m: ToWorker | CrashOrder) => {
  if (m.type === 'crash') return crashThisThread(m.how, workerId);
  if (!m.result.ok) return log(`could not load the worker script: ${m.result.error}`);
  context.run(m.result.body, url);
  started = true;
  for (const json of early.splice(0)) context.deliver('message', 0, json);
});
parentPort!.postMessage({ type: 'fetch', requestId: 1, tabId, url, destination: 'script' });

/**
 * What a trace covers beyond a renderer's own threads, with real processes: a page's worker
 * threads and the plugin process record their work, and a start is a request with an answer, so
 * a child that cannot answer (stopped by SIGSTOP) is named rather than silently missing, and the
 * trace still completes.
 */
import type { Browser } from '../../src/browser/Browser';
import { checkTraceFile } from '../../src/common/traceFormatCheck';
import type { ChromeTrace } from '../../src/common/traceFile';
import { openLive, startBrowser, waitFor } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(() => browser.shutdown());

/** The thread names of one process, and the slices recorded on each. */
function threadsOf(trace: ChromeTrace, pid: number): Map<string, string[]> {
  const names = new Map<number, string>();
  for (const e of trace.traceEvents)
    if (e.pid === pid && e.ph === 'M' && e.name === 'thread_name') names.set(e.tid, (e.args as { name: string }).name);
  const slices = new Map<string, string[]>([...names.values()].map((n) => [n, []]));
  for (const e of trace.traceEvents)
    if (e.pid === pid && e.ph === 'X') slices.get(names.get(e.tid) ?? '')?.push(e.name);
  return slices;
}

test("a trace taken while a page's worker computes and the plugin clock runs holds their threads and slices", async () => {
  const workers = await openLive(browser, 'https://workers.example/');
  await waitFor(
    async () =>
      (await browser.listProcesses()).find((p) => p.pid === workers.pid)?.threads.some((t) => t.kind === 'worker'),
    'the page to start its worker',
  );
  await openLive(browser, 'https://plugins.example/');
  const plugin = await waitFor(
    // Its first stats come after it said it was ready.
    async () => (await browser.listProcesses()).find((p) => p.role === 'plugin' && p.threads.length > 0),
    'the plugin process to run',
  );

  const started = await browser.startTrace();
  expect(started.unacknowledged).toEqual([]);
  expect(started.recording.map((c) => c.pid)).toEqual(expect.arrayContaining([workers.pid, plugin.pid]));
  // The worker's renderer counted its worker among the threads that said they record.
  const renderer = started.recording.find((c) => c.pid === workers.pid)!;
  expect(renderer.silentThreads).toBe(0);
  // The primes worker posts a result every 200 ms slice; the clock draws 30 frames a second.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const trace = await browser.stopTrace();

  expect(checkTraceFile(trace)).toEqual([]);
  const processName = (pid: number) =>
    trace.traceEvents.find((e) => e.pid === pid && e.ph === 'M' && e.name === 'process_name')?.args?.name;
  expect(processName(plugin.pid)).toBe('PPAPI Process');

  const pluginThreads = threadsOf(trace, plugin.pid);
  expect([...pluginThreads.keys()]).toEqual(['CrPPAPIMain']);
  expect(pluginThreads.get('CrPPAPIMain')).toEqual(
    expect.arrayContaining(['PluginInstance::Paint', 'SubmitCompositorFrame']),
  );
  // The plugin's frames go on to the display compositor, as the renderers' do.
  const pluginFrames = trace.traceEvents.filter((e) => e.name === 'Graphics.Pipeline' && e.pid === plugin.pid);
  expect(pluginFrames.some((e) => e.ph === 's')).toBe(true);
  const ends = new Set(
    trace.traceEvents
      .filter((e) => e.name === 'Graphics.Pipeline' && e.ph === 'f')
      .map((e) => (e as { id: string }).id),
  );
  expect(pluginFrames.some((e) => ends.has((e as { id: string }).id))).toBe(true);

  const worker = threadsOf(trace, workers.pid!).get('DedicatedWorker thread');
  expect(worker).toBeDefined();
  // Each of the worker's 200 ms slices is a timer it set itself.
  expect(worker).toContain('DOMTimer::Fired');

  // Thread ids are unique across the file's processes.
  const owners = new Map<number, Set<number>>();
  for (const e of trace.traceEvents)
    if (e.ph === 'M' && e.name === 'thread_name') owners.set(e.tid, (owners.get(e.tid) ?? new Set()).add(e.pid));
  expect([...owners.values()].filter((pids) => pids.size > 1)).toEqual([]);
});

test('a stopped renderer does not answer the start: the trace completes and names it', async () => {
  const tab = await openLive(browser, 'https://gradients.example/');
  process.kill(tab.pid!, 'SIGSTOP');
  try {
    const started = await browser.startTrace();
    expect(started.unacknowledged).toEqual([expect.objectContaining({ pid: tab.pid, role: 'renderer' })]);
    const trace = await browser.stopTrace();
    expect(checkTraceFile(trace)).toEqual([]);
    expect(trace.metadata['minium-unacknowledged-start']).toContain(`Renderer ${tab.pid}`);
    // The others answered and sent their threads: the GPU process's and the plugin process's.
    const names = new Set(trace.traceEvents.filter((e) => e.ph === 'M').map((e) => (e.args as { name?: string }).name));
    for (const name of ['CrGpuMain', 'VizCompositorThread', 'CrPPAPIMain']) expect(names).toContain(name);
  } finally {
    process.kill(tab.pid!, 'SIGCONT');
  }
});

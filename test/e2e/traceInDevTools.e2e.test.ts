/**
 * The most real consumer of a trace this machine has: Chromium's own DevTools trace engine (the
 * code behind the Performance panel's *Load profile*), loaded from the DevTools that Debian's
 * Chromium bundles. A trace of real processes must parse there, with its processes and threads,
 * and with flows that DevTools binds to slices across the browser, a renderer and the GPU process.
 */
import type { Browser } from '../../src/browser/Browser';
import type { ChromeTrace } from '../../src/common/traceFile';
import { openLive, startBrowser, waitFor } from '../integration/helpers';
import { describeInChromium, launchChromium } from './chromium';

/** The little of DevTools' trace engine this test uses. */
interface DevToolsEngine {
  TraceModel: {
    Model: {
      createWithAllHandlers(): { parse(events: unknown[]): Promise<void>; parsedTrace(index: number): DevToolsParsed };
    };
  };
}
interface DevToolsParsed {
  data?: DevToolsParsed;
  Renderer: { processes: Map<number, { threads: Map<number, { name: string }> }> };
  Flows: { flows: ({ pid: number } | undefined)[][] };
}

interface DevToolsView {
  threads: Record<string, string[]>;
  flows: number;
  /** Processes of the flow DevTools found with the most processes. */
  widestFlowPids: number[];
}

/** What DevTools' trace engine makes of the file, evaluated inside the DevTools page. */
async function parseInDevTools(trace: ChromeTrace): Promise<DevToolsView> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto('devtools://devtools/bundled/devtools_app.html');
    return await page.evaluate(async (events) => {
      // The DevTools frontend's own module, resolved against the DevTools page; a native import(),
      // which TypeScript would otherwise compile to this file's CommonJS require.
      const nativeImport = new Function('path', 'return import(path)') as (path: string) => Promise<DevToolsEngine>;
      const engine = await nativeImport('./models/trace/trace.js');
      const model = engine.TraceModel.Model.createWithAllHandlers();
      await model.parse(events);
      const parsed = model.parsedTrace(0);
      const data = parsed.data ?? parsed;
      const threads: Record<string, string[]> = {};
      for (const [pid, p] of data.Renderer.processes) threads[pid] = [...p.threads.values()].map((t) => t.name);
      const flows = data.Flows.flows.map((f) => new Set(f.filter((e) => e !== undefined).map((e) => e!.pid)));
      const widest = flows.reduce((a, f) => (f.size > a.size ? f : a), new Set<number>());
      return { threads, flows: flows.length, widestFlowPids: [...widest] };
    }, trace.traceEvents);
  } finally {
    await browser.close();
  }
}

describeInChromium('a trace in DevTools', () => {
  let minium: Browser;
  beforeAll(async () => {
    minium = await startBrowser();
  });
  afterAll(() => minium.shutdown());

  test("parses in Chromium's DevTools trace engine, with flows across three processes", async () => {
    const tab = await openLive(minium, 'https://orbit.example/');
    await minium.startTrace();
    const presented = new Set<number>();
    const stop = minium.onEvent((e) => e.type === 'input-presented' && presented.add(e.inputId));
    const { inputId } = await minium.sendInput(tab.id, { type: 'click', x: 40, y: 40 });
    await waitFor(() => presented.has(inputId), `input ${inputId} to be presented`);
    stop();
    const trace = await minium.stopTrace();

    const view = await parseInDevTools(trace);
    expect(view.threads[String(tab.pid)]).toEqual(expect.arrayContaining(['Compositor']));
    expect(view.flows).toBeGreaterThan(0);
    const gpuPid =
      minium.display().mode === 'gpu' ? (await minium.listProcesses()).find((p) => p.role === 'gpu')!.pid : null;
    expect(new Set(view.widestFlowPids)).toEqual(new Set([process.pid, tab.pid, gpuPid]));
  });

  test("a page's worker thread and the plugin process show as threads of their own", async () => {
    const workers = await openLive(minium, 'https://workers.example/');
    await openLive(minium, 'https://plugins.example/');
    const plugin = await waitFor(
      async () => (await minium.listProcesses()).find((p) => p.role === 'plugin' && p.threads.length > 0),
      'the plugin process to run',
    );
    await minium.startTrace();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const trace = await minium.stopTrace();

    const view = await parseInDevTools(trace);
    expect(view.threads[String(workers.pid)]).toEqual(expect.arrayContaining(['DedicatedWorker thread']));
    expect(view.threads[String(plugin.pid)]).toEqual(['CrPPAPIMain']);
  });
});

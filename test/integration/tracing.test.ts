/**
 * A trace of real processes: recorded while a tab animates and takes input, merged by the browser,
 * well formed (checkTraceFile), with Chromium's thread names, and with one input's flow going from
 * the browser through the renderer's threads and the GPU process back to the browser.
 */
import type { Browser } from '../../src/browser/Browser';
import type { WrittenEvent } from '../../src/common/traceFile';
import { checkTraceFile } from '../../src/common/traceFormatCheck';
import { openLive, startBrowser, waitFor } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(() => browser.shutdown());

test('a trace follows one input from the browser through renderer and GPU process back to the browser', async () => {
  const tab = await openLive(browser, 'https://article.example/');
  await browser.startTrace();
  const presented: number[] = [];
  const stop = browser.onEvent((e) => e.type === 'input-presented' && presented.push(e.inputId));
  const scroll = async () => {
    const { inputId } = await browser.sendInput(tab.id, { type: 'wheel', x: 200, y: 200, dx: 0, dy: 120 });
    await waitFor(() => presented.includes(inputId), `input ${inputId} to be presented`);
    return inputId;
  };
  // A start reaches a renderer's other threads a moment after its IO thread (a broadcast): the
  // second input, sent after the first went all the way round, finds every thread recording.
  await scroll();
  const inputId = await scroll();
  stop();
  // Presented means composited: the GPU process recorded its part before it said so.
  const trace = await browser.stopTrace();

  expect(checkTraceFile(trace)).toEqual([]);
  const meta = (name: string) =>
    trace.traceEvents.filter((e) => e.ph === 'M' && e.name === name).map((e) => (e.args as { name: string }).name);
  expect(meta('process_name')).toEqual(expect.arrayContaining(['Browser', 'Renderer', 'GPU Process']));
  expect(meta('thread_name')).toEqual(
    expect.arrayContaining([
      'CrBrowserMain',
      'Chrome_ChildIOThread',
      'CrRendererMain',
      'Compositor',
      'CompositorTileWorker1',
      'CrGpuMain',
      'VizCompositorThread',
    ]),
  );

  const threadName = new Map(
    trace.traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name')
      .map((e) => [e.tid, (e.args as { name: string }).name]),
  );
  const flow = trace.traceEvents.filter(
    (e): e is WrittenEvent & { id: string } =>
      e.ph !== 'M' && e.name === 'LatencyInfo.Flow' && e.id === `0x${inputId.toString(16)}`,
  );
  expect(flow.map((e) => `${e.ph}:${threadName.get(e.tid)}`)).toEqual([
    's:CrBrowserMain',
    't:Chrome_ChildIOThread',
    't:Compositor',
    't:Compositor',
    't:VizCompositorThread',
    'f:CrBrowserMain',
  ]);
  const browserPid = flow[0].pid;
  const gpuPid = flow.find((e) => threadName.get(e.tid) === 'VizCompositorThread')!.pid;
  expect(new Set(flow.map((e) => e.pid))).toEqual(new Set([browserPid, tab.pid, gpuPid]));

  // Every frame the compositor submitted while tracing continues in the GPU process, and each tile
  // drawn has its raster flow.
  const frameFlows = trace.traceEvents.filter((e) => e.name === 'Graphics.Pipeline');
  expect(frameFlows.some((e) => e.ph === 's' && threadName.get(e.tid) === 'Compositor')).toBe(true);
  expect(frameFlows.some((e) => e.ph === 'f' && threadName.get(e.tid) === 'VizCompositorThread')).toBe(true);
  const slices = new Set(trace.traceEvents.filter((e) => e.ph === 'X').map((e) => e.name));
  for (const name of ['SubmitCompositorFrame', 'LayerTreeHostImpl::DrawLayers', 'Display::DrawAndSwap'])
    expect(slices).toContain(name);
});

test('a new page traced from its start shows parse, style, layout, paint, commit and raster of each tile', async () => {
  await browser.startTrace();
  const tab = await openLive(browser, 'https://gradients.example/');
  // A still page draws only until its tiles are in: wait for them rather than for frames.
  await waitFor(
    async () => (await browser.tileReport(tab.id)).tiles.filter((t) => t.thread !== null).length > 1,
    'tiles drawn by the raster threads',
  );
  const trace = await browser.stopTrace();
  expect(checkTraceFile(trace)).toEqual([]);
  const ofRenderer = trace.traceEvents.filter((e) => e.pid === tab.pid && e.ph === 'X').map((e) => e.name);
  for (const name of ['ParseHTML', 'UpdateStyle', 'Layout', 'Paint', 'ProxyMain::Commit', 'LayerTreeHostImpl::Commit'])
    expect(ofRenderer).toContain(name);
  expect(ofRenderer.filter((n) => n === 'RasterTask').length).toBeGreaterThan(1);
  const commits = trace.traceEvents.filter((e) => e.name === 'Commit' && (e.ph === 's' || e.ph === 'f'));
  expect(commits.map((e) => e.ph)).toEqual(expect.arrayContaining(['s', 'f']));
});

test('one trace at a time, and a stop needs a start', async () => {
  await browser.startTrace();
  await expect(browser.startTrace()).rejects.toThrow(/already being recorded/);
  await browser.stopTrace();
  await expect(browser.stopTrace()).rejects.toThrow(/No trace is being recorded/);
});

/**
 * The control API table and what is derived from it: the kernel implements every row, every
 * route leads back to its row, both clients offer every method and carry its arguments intact,
 * and a value is refused with the same reason whichever transport carried it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser } from '../../src/browser/Browser';
import { CONTROL_API, type ControlApi, type ControlMethod } from '../../src/common/controlApi';
import { createControlClient, httpTransport } from '../../src/common/controlApiClient';
import { invoke, parseCall } from '../../src/common/controlCalls';
import { matchRoute, parseRequest, requestFor } from '../../src/common/controlRoutes';
import { LIMITS } from '../../src/common/limits';
import { parseMessage, RendererToBrowser } from '../../src/common/protocol';
import { parseUserUrl } from '../../src/common/site';
import { APP_ROOT } from '../../src/platform/paths';
import { ControlServer } from '../../src/shell/web/ControlServer';

/** One valid call per method; the type makes a new row fail to compile here until it has one. */
const SAMPLES: { [K in ControlMethod]: Parameters<ControlApi[K]> } = {
  listTabs: [],
  openTab: ['https://a.example/'],
  closeTab: [3],
  navigate: [3, 'https://b.example/page?q=1'],
  reload: [3],
  activateTab: [3],
  freezeTab: [4],
  discardTab: [4],
  listProcesses: [],
  processInternals: [],
  killProcess: [42],
  crashThread: [42, 'raster-2.1', 'segfault'],
  listDemos: [],
  listDebugUrls: [],
  display: [],
  policies: [],
  runLab: ['threads', false],
  sendInput: [3, { type: 'wheel', x: 10, y: 20, dx: 0, dy: 120 }],
  consoleMessages: [3],
  tileReport: [3],
  frameMetrics: [3],
  startTrace: [],
  stopTrace: [],
  renderingOverlays: [],
  setRenderingOverlays: [{ tileBorders: true, paintFlashing: false, fpsMeter: true }],
  architecture: [],
  sharedMemory: [],
  signalProcess: [42, 'stop'],
  showCaption: ['Killing the renderer of orbit.example', 2.5],
  listClaims: [],
  showClaim: ['MP2'],
};
const METHODS = Object.keys(CONTROL_API) as ControlMethod[];

/** A kernel that records what reaches it and answers with the method's name. */
function recordingKernel(): { api: ControlApi; calls: { method: string; args: unknown[] }[] } {
  const calls: { method: string; args: unknown[] }[] = [];
  const methods = METHODS.map((m) => [m, (...args: unknown[]) => (calls.push({ method: m, args }), { from: m })]);
  const api = { ...Object.fromEntries(methods), onEvent: () => () => undefined } as unknown as ControlApi;
  return { api, calls };
}

describe('the table', () => {
  test('has a row for each method the kernel implements, and a sample for each row', () => {
    for (const m of METHODS) expect(typeof Browser.prototype[m]).toBe('function');
    expect(Object.keys(SAMPLES).sort()).toEqual([...METHODS].sort());
  });

  test('gives each method its own route', () => {
    const routes = METHODS.map((m) => CONTROL_API[m].http.replace(/:\w+/g, ':'));
    expect(new Set(routes).size).toBe(METHODS.length);
  });

  test('is the one docs/api.md lists, row for row', () => {
    const doc = fs.readFileSync(path.join(APP_ROOT, 'docs/api.md'), 'utf8');
    const listed = [...doc.matchAll(/^\| (GET|POST|DELETE) \| `([^`]+)`[^|]*\| `(\w+)` \|/gm)].map(
      ([, verb, route, name]) => `${name}: ${verb} ${route}`,
    );
    expect(listed.sort()).toEqual(METHODS.map((m) => `${m}: ${CONTROL_API[m].http}`).sort());
  });

  test.each(METHODS)('%s: its HTTP request resolves back to it with the same arguments', (m) => {
    const request = requestFor(m, SAMPLES[m]);
    const route = matchRoute(request.verb, request.path);
    expect(route).toMatchObject({ ok: true, method: m });
    if (!route.ok) return;
    const body = request.body === undefined ? undefined : JSON.parse(JSON.stringify(request.body));
    expect(parseRequest(m, route.segments, body)).toEqual({ ok: true, method: m, args: SAMPLES[m] });
    expect(parseCall(m, SAMPLES[m])).toEqual({ ok: true, method: m, args: SAMPLES[m] });
  });

  test('a path no row has is 404; a row’s path with another verb is 405', () => {
    expect(matchRoute('GET', '/api/nothing')).toEqual({ ok: false, status: 404 });
    expect(matchRoute('POST', '/api/labs/cooking')).toEqual({ ok: false, status: 404 });
    expect(matchRoute('DELETE', '/api/tabs/abc')).toEqual({ ok: false, status: 404 });
    expect(matchRoute('PUT', '/api/tabs')).toEqual({ ok: false, status: 405 });
    expect(matchRoute('GET', '/api/tabs/7/navigate')).toEqual({ ok: false, status: 405 });
  });

  test('path and body arguments are checked by the row’s schemas', () => {
    const crash = matchRoute('POST', '/api/processes/42/threads/a%20b/crash');
    expect(crash.ok && parseRequest(crash.method, crash.segments, { how: 'segfault' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Bad thread for crashThread/),
    });
    const kill = matchRoute('POST', '/api/processes/0/kill');
    expect(kill.ok && parseRequest(kill.method, kill.segments, {})).toMatchObject({ ok: false });
    const lab = matchRoute('POST', '/api/labs/ipc');
    expect(lab.ok && parseRequest(lab.method, lab.segments, {})).toEqual({
      ok: true,
      method: 'runLab',
      args: ['ipc', true],
    });
    expect(parseCall('openTab', ['https://a.example/', 'extra'])).toMatchObject({ ok: false });
    expect(parseCall('constructor', [])).toMatchObject({ ok: false });
  });
});

describe('the clients and the web shell, generated from the table', () => {
  let server: ControlServer;
  const kernel = recordingKernel();
  const token = 'a'.repeat(32);
  const overHttp = () =>
    createControlClient(
      httpTransport(async ({ verb, path, body }) => {
        const res = await fetch(`http://127.0.0.1:${server.port}${path}`, {
          method: verb,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const json = (await res.json()) as any;
        if (!res.ok) throw new Error(`${res.status} ${json.error.code}: ${json.error.message}`);
        return json;
      }),
      () => undefined,
    );
  // What Electron's main process does with what the preload's bridge carries.
  const overBridge = () =>
    createControlClient(
      async (method, args) => {
        const call = parseCall(method, JSON.parse(JSON.stringify(args)));
        if (!call.ok) throw new Error(call.reason);
        return invoke(kernel.api, call);
      },
      () => undefined,
    );

  beforeAll(async () => {
    server = new ControlServer(kernel.api, token);
    await server.listen(0);
  });
  afterAll(() => server.close());
  beforeEach(() => kernel.calls.splice(0));

  test.each([
    ['HTTP', overHttp],
    ['bridge', overBridge],
  ])('the %s client offers every method and the kernel receives its arguments intact', async (_, make) => {
    const client = make();
    for (const m of METHODS) {
      expect(typeof client[m]).toBe('function');
      await (client[m] as (...a: unknown[]) => Promise<unknown>)(...SAMPLES[m]);
    }
    expect(kernel.calls).toEqual(METHODS.map((m) => ({ method: m, args: SAMPLES[m] })));
  });

  test('HTTP answers what a row says instead of nothing', async () => {
    const http = overHttp();
    expect(await http.closeTab(3)).toEqual({ closed: 3 });
    expect(await http.killProcess(42)).toEqual({ killed: 42 });
    expect(await http.crashThread(42, 'raster-1', 'exception')).toEqual({ crashing: 'raster-1' });
    expect(await http.listTabs()).toEqual({ from: 'listTabs' });
  });

  test('a URL over the one limit is refused the same way over HTTP and over the bridge', async () => {
    const longest = `https://a.example/${'x'.repeat(LIMITS.urlLength - 'https://a.example/'.length)}`;
    const tooLong = `${longest}x`;
    const call = parseCall('openTab', [tooLong]);
    expect(call).toMatchObject({ ok: false, reason: expect.stringContaining(String(LIMITS.urlLength)) });
    const reason = call.ok ? '' : call.reason;
    await expect(overHttp().openTab(tooLong)).rejects.toThrow(`400 bad-request: ${reason}`);
    await expect(overBridge().openTab(tooLong)).rejects.toThrow(reason);
    await expect(overHttp().navigate(1, tooLong)).rejects.toThrow(/^400 bad-request: Bad url for navigate/);
    expect(parseUserUrl(tooLong)).toMatchObject({ ok: false });
    const request = (url: string) =>
      parseMessage(RendererToBrowser, { type: 'resource-request', requestId: 1, tabId: 1, url, destination: 'script' });
    expect(request(tooLong)).toMatchObject({ ok: false });
    expect(kernel.calls).toEqual([]);

    expect(parseUserUrl(longest)).toMatchObject({ ok: true });
    expect(request(longest)).toMatchObject({ ok: true });
    await overHttp().openTab(longest);
    await overBridge().openTab(longest);
    expect(kernel.calls).toEqual([
      { method: 'openTab', args: [longest] },
      { method: 'openTab', args: [longest] },
    ]);
  });
});

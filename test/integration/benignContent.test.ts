/**
 * Benign page content never kills a renderer (issue 9, item 4): cross-site scripts and workers,
 * `data:` workers, long logs, titles and colours, wide embeds, many workers, console floods and an
 * `<embed>` replaced in a loop all render; what was refused or cut is said in the tab's console,
 * and the renderer's PID stays the same. Only a protocol violation — a document of another site —
 * is still a bad message. Pages come from a real local HTTP server; `localhost` and `127.0.0.1`
 * are two sites served by it.
 */
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser } from '../../src/browser/Browser';
import { Emitter } from '../../src/common/Emitter';
import { LIMITS } from '../../src/common/limits';
import { NodeChildLauncher } from '../../src/platform/node/NodeChildLauncher';
import { ASSETS_DIR } from '../../src/platform/paths';
import { RenderProcessHost } from '../../src/browser/RenderProcessHost';
import { NetworkService } from '../../src/browser/NetworkService';
import { ResourceServer } from '../../src/browser/ResourceServer';
import { TabStrip, type Tab } from '../../src/browser/TabStrip';
import type { TabInfo } from '../../src/common/controlApi';
import { alive, keepsPresenting, openLive, startBrowser, tabOf, tilePoolDescriptorsOf, waitFor } from './helpers';

/** Something that moves, so a live tab keeps presenting frames. */
const SPINNER =
  '<style>@keyframes spin { from { transform: rotate(0deg) } to { transform: rotate(360deg) } }' +
  ' .spin { width: 40px; height: 40px; background: #000000; animation: spin 1s linear infinite }</style>' +
  '<div class="spin"></div>';
const CLOCK = 'application/x-minium-clock';

let other = ''; // the same server under another site's name
const PAGES: Record<string, () => { type: string; body: string }> = {
  '/script.js': () => ({ type: 'application/javascript', body: 'console.log("cross-site script ran")' }),
  '/worker.js': () => ({ type: 'text/javascript', body: 'postMessage("hello from another site")' }),
  '/cross-site-script': () => page(`<script src="${other}/script.js"></script>`),
  '/cross-site-worker': () =>
    page(`<script>new Worker("${other}/worker.js").onmessage = (e) => console.log("worker said " + e.data)</script>`),
  '/data-worker': () =>
    page(
      `<script>new Worker("data:text/javascript,postMessage('from data')").onmessage = (e) => ` +
        `console.log("data worker said " + e.data)</script>`,
    ),
  '/worker-long-log': () => page(`<script>new Worker("data:text/javascript,console.log('x'.repeat(5000))")</script>`),
  '/no-title': () => page(''),
  '/wide-embed': () => page(`<embed type="${CLOCK}" style="width: 20000px; height: 100px">`),
  '/many-embeds': () =>
    page(`<embed type="${CLOCK}" width="40" height="40">`.repeat(LIMITS.pluginInstancesPerRenderer + 4)),
  '/many-workers': () =>
    page(`<script>for (let i = 0; i < 8; i++) new Worker("data:text/javascript,postMessage(1)")</script>`),
  '/long-background': () => ({
    type: 'text/html',
    body: `<body style="background: hsla(120.123456, 50.5555%, 50.5555%, 0.333333333)">${SPINNER}</body>`,
  }),
  '/console-flood': () =>
    page('<script>for (let i = 0; i < 20000; i++) console.log("flood " + i); console.error("flood over")</script>'),
  '/embed-removed': () => ({
    type: 'text/html',
    body:
      '<body style="margin: 0"><button id="remove" style="display: block; width: 300px; height: 60px">remove</button>' +
      `<div id="box"><embed type="${CLOCK}" width="100" height="100"></div><script>` +
      'document.getElementById("remove").addEventListener("click", () => ' +
      '{ document.getElementById("box").innerHTML = ""; console.log("removed"); });</script>' +
      `${SPINNER}</body>`,
  }),
  '/embed-loop': () =>
    page(
      `<div id="box"><embed type="${CLOCK}" width="100" height="100"></div><script>
        let n = 0;
        const loop = setInterval(() => {
          document.getElementById("box").innerHTML = '<embed type="${CLOCK}" width="100" height="100">';
          if (++n === 60) { clearInterval(loop); console.log("replaced 60 times"); }
        }, 25);
      </script>`,
    ),
};
const page = (content: string) => ({ type: 'text/html', body: `<body>${SPINNER}${content}</body>` });

let server: http.Server;
let base: string;
let b: Browser;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const route = (req.url ?? '').split('?')[0];
    if (route === '/hang') return; // a server that never answers: requests stay in flight
    const found = Object.hasOwn(PAGES, route) ? PAGES[route]() : undefined;
    res.writeHead(found ? 200 : 404, { 'content-type': `${found?.type ?? 'text/plain'}; charset=utf-8` });
    res.end(found?.body ?? 'no such page');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  other = `http://localhost:${port}`;
  b = await startBrowser();
});

afterEach(async () => {
  for (const t of b.listTabs()) await b.closeTab(t.id);
});

afterAll(async () => {
  await b.shutdown();
  server.closeAllConnections();
  server.close();
});

const consoleHas = (t: TabInfo, pattern: RegExp) => b.consoleMessages(t.id).some((m) => pattern.test(m.message));

/** The tab is live, in the renderer it started in, and still presents frames. */
async function expectStillRendering(t: TabInfo): Promise<void> {
  expect(await keepsPresenting(b, t.id, 5)).toBe(true);
  expect(tabOf(b, t.id)).toMatchObject({ state: 'live', pid: t.pid });
  expect(alive(t.pid!)).toBe(true);
}

test('a script from another site loads and runs', async () => {
  const t = await openLive(b, `${base}/cross-site-script`);
  await waitFor(() => consoleHas(t, /^cross-site script ran$/), 'the cross-site script');
  await expectStillRendering(t);
});

test('a worker from another site runs and talks to its page', async () => {
  const t = await openLive(b, `${base}/cross-site-worker`);
  await waitFor(() => consoleHas(t, /^worker said hello from another site$/), 'the cross-site worker');
  await expectStillRendering(t);
});

test('a data: worker runs', async () => {
  const t = await openLive(b, `${base}/data-worker`);
  await waitFor(() => consoleHas(t, /^data worker said from data$/), 'the data: worker');
  await expectStillRendering(t);
});

test('a worker logging 5000 characters is cut to the message limit in its page’s console', async () => {
  const t = await openLive(b, `${base}/worker-long-log`);
  const entry = await waitFor(
    () => b.consoleMessages(t.id).find((m) => m.message.includes('xxxx')),
    'the worker’s log line',
  );
  expect(entry.message).toHaveLength(LIMITS.messageLength);
  expect(entry.message.endsWith('…')).toBe(true);
  await expectStillRendering(t);
});

test('a page without a title at a 3000-character address gets a cut title', async () => {
  const t = await openLive(b, `${base}/no-title?${'q'.repeat(3000)}`);
  expect(tabOf(b, t.id).title).toHaveLength(LIMITS.titleLength);
  expect(tabOf(b, t.id).title.startsWith(`${base}/no-title?qqq`)).toBe(true);
  await expectStillRendering(t);
});

test('a 20000-pixel-wide <embed> gets a plugin surface clamped to the limit, with a warning', async () => {
  const t = await openLive(b, `${base}/wide-embed`);
  await waitFor(() => consoleHas(t, new RegExp(`at most ${LIMITS.surfaceSide} a side`)), 'the clamp warning');
  await waitFor(async () => (await b.listProcesses()).some((p) => p.role === 'plugin'), 'the plugin process');
  await expectStillRendering(t);
});

test('more workers than one renderer runs are refused in the console; the renderer lives', async () => {
  const tabs: TabInfo[] = [];
  for (let i = 0; i < 4; i++) tabs.push(await openLive(b, `${base}/many-workers`));
  expect(new Set(tabs.map((t) => t.pid)).size).toBe(1); // one site, one renderer
  await waitFor(
    () => tabs.some((t) => consoleHas(t, new RegExp(`already runs ${LIMITS.workersPerRenderer} workers`))),
    'a refused worker',
  );
  // Only the shown tab draws: each is shown in turn.
  for (const t of tabs) {
    await b.activateTab(t.id);
    await expectStillRendering(t);
  }
}, 60000);

test('more plugin instances than one renderer holds are refused in the console; the rest run', async () => {
  const t = await openLive(b, `${base}/many-embeds`);
  await waitFor(
    () => b.consoleMessages(t.id).filter((m) => /already holds \d+ plugin instances/.test(m.message)).length === 4,
    'four refused plugins',
  );
  const plugin = await waitFor(
    async () => (await b.listProcesses()).find((p) => p.role === 'plugin'),
    'the plugin process',
  );
  await waitFor(
    () => tilePoolDescriptorsOf(plugin.pid).length === LIMITS.pluginInstancesPerRenderer,
    'the admitted instances',
  );
  await expectStillRendering(t);
  // Each refused <embed> was asked for once: its placeholder does not ask again at every frame.
  expect(b.consoleMessages(t.id).filter((m) => /already holds/.test(m.message))).toHaveLength(4);
});

test('a root background longer than the colour limit is drawn, and frames keep coming', async () => {
  const t = await openLive(b, `${base}/long-background`);
  await expectStillRendering(t);
});

test('a console flood loses messages with a note, and the renderer lives', async () => {
  const t = await openLive(b, `${base}/console-flood`);
  await waitFor(() => consoleHas(t, /console messages dropped/), 'the dropped-messages note', 10000);
  await expectStillRendering(t);
});

test('an <embed> replaced in a loop keeps one plugin instance, not one per replacement', async () => {
  const t = await openLive(b, `${base}/embed-loop`);
  const plugin = await waitFor(
    async () => (await b.listProcesses()).find((p) => p.role === 'plugin'),
    'the plugin process',
  );
  let most = 0;
  while (!consoleHas(t, /^replaced 60 times$/)) {
    most = Math.max(most, tilePoolDescriptorsOf(plugin.pid).length); // one memfd tile pool per instance
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(most).toBeLessThanOrEqual(4);
  await waitFor(() => tilePoolDescriptorsOf(plugin.pid).length === 1, 'one instance left');
  expect((await b.listProcesses()).find((p) => p.role === 'plugin')?.pid).toBe(plugin.pid);
  await expectStillRendering(t);
}, 60000);

test('an <embed> removed from the document ends its plugin instance', async () => {
  const t = await openLive(b, `${base}/embed-removed`);
  const plugin = await waitFor(
    async () => (await b.listProcesses()).find((p) => p.role === 'plugin'),
    'the plugin process',
  );
  await waitFor(() => tilePoolDescriptorsOf(plugin.pid).length === 1, 'the instance'); // one memfd tile pool
  await b.sendInput(t.id, { type: 'click', x: 150, y: 30 }); // the button, top left
  await waitFor(() => consoleHas(t, /^removed$/), 'the embed removed');
  await waitFor(() => !alive(plugin.pid) || tilePoolDescriptorsOf(plugin.pid).length === 0, 'no instance left');
  await expectStillRendering(t);
});

test('a typed address that grows past the limit once escaped is a 400 with the reason', async () => {
  await expect(b.openTab(`news.example/${' x'.repeat(3000)}`)).rejects.toMatchObject({
    status: 400,
    message: expect.stringMatching(/once escaped/),
  });
  expect(b.listTabs()).toEqual([]);
});

describe('the resource server', () => {
  let host: RenderProcessHost;
  const tab = (h: RenderProcessHost): Tab => ({
    id: 1,
    url: 'https://news.example/',
    site: 'https://news.example',
    title: '',
    state: 'live',
    host: h,
  });

  beforeEach(async () => {
    host = new RenderProcessHost('https://news.example', new NodeChildLauncher(), true);
    host.start();
    await new Promise((r) => host.onReady(r));
  });
  afterEach(() => host.shutdown());

  // A network service for each test, stopped after it: only the http(s) test starts its process.
  let network: NetworkService;
  beforeEach(() => {
    network = new NetworkService(new NodeChildLauncher(), true);
  });
  afterEach(() => network.stop());
  const server = () =>
    new ResourceServer(path.join(ASSETS_DIR, 'sites'), new TabStrip(new Emitter(), () => 0), network);

  test('a renderer asking for another site’s document is a bad message and is killed', async () => {
    const bad: string[] = [];
    host.onBadMessage((reason) => bad.push(reason));
    const gone = new Promise<{ reason: string }>((r) => host.onGone(r));
    await server().serve(host, tab(host), {
      type: 'resource-request',
      requestId: 1,
      tabId: 1,
      url: 'https://orbit.example/',
      destination: 'document',
    });
    expect((await gone).reason).toBe('killed');
    expect(bad).toEqual([
      expect.stringMatching(/document https:\/\/orbit\.example\/.*locked to https:\/\/news\.example/),
    ]);
  });

  test('the same renderer asking for another site’s script is served', async () => {
    const bad: string[] = [];
    host.onBadMessage((reason) => bad.push(reason));
    await server().serve(host, tab(host), {
      type: 'resource-request',
      requestId: 1,
      tabId: 1,
      url: 'https://orbit.example/',
      destination: 'script',
    });
    expect(bad).toEqual([]);
    expect(host.state).toBe('ready');
    expect(alive(host.pid!)).toBe(true);
  });

  test('a renderer with too many requests in flight gets the next one refused, not killed', async () => {
    const bad: string[] = [];
    host.onBadMessage((reason) => bad.push(reason));
    const resources = server();
    const request = (requestId: number) =>
      resources.serve(host, tab(host), {
        type: 'resource-request',
        requestId,
        tabId: 1,
        url: `${base}/hang`,
        destination: 'script',
      });
    const waiting = Array.from({ length: LIMITS.inFlightRequestsPerRenderer }, (_, i) => request(i + 1));
    const settled = new Set<number>();
    waiting.forEach((p, i) => void p.then(() => settled.add(i)));
    await request(LIMITS.inFlightRequestsPerRenderer + 1); // answered at once, with an error
    expect(settled.size).toBe(0);
    expect(bad).toEqual([]);
    expect(alive(host.pid!)).toBe(true);
  });
});

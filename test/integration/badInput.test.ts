/**
 * Bad input never ends a renderer or the browser: malformed HTML renders as a browser would,
 * unsupported CSS is ignored, a 10 MB page or 100 000 nested elements renders or ends in a clear
 * error page in its tab, and a script error goes to the tab's console. Pages come from a real
 * local HTTP server, loaded by the browser process as any network page.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from '../../src/browser/Browser';
import { alive, captureSurface, openLive, startBrowser, tabOf, waitFor } from './helpers';

const PAGES: Record<string, () => string> = {
  '/malformed': () =>
    '<title>Broken</title><body style="background: #00ff00"><div><p>unclosed <b>bold <i>both</b> italic<table><tr><td>cell</div>',
  '/css': () =>
    '<style>p { color: ; colour: red; display: flux; width: -5px; transform: spin(3) } @media screen { p { ' +
    'color: blue } } }}} </style><body style="background: rgb(0, 0, 255); margin: widely"><p>still ' +
    'here</p></body>',
  '/script-error': () =>
    '<body style="background: #ffffff"><p ' +
    'id="p">before</p><script>undefinedFunction();</script><script>document.body.style.background = "#ff0000"; ' +
    'console.log("second script ran")</script></body>',
  // Ten million bytes of paragraphs: more elements than Minium lays out.
  '/ten-mb': () =>
    '<!doctype html><title>Ten MB</title><body>' +
    '<p>The quick brown fox jumps over the lazy dog again and again.</p>\n'.repeat(Math.ceil(10_000_000 / 65)) +
    '</body>',
  // Ten million bytes in one paragraph: laid out, all of it.
  '/ten-mb-text': () =>
    '<!doctype html><body style="background: #ffff00"><p>' +
    'lorem ipsum dolor sit amet '.repeat(Math.ceil(10_000_000 / 27)) +
    '</p></body>',
  '/nested': () => '<!doctype html><body>' + '<div>'.repeat(100_000) + 'deep' + '</div>'.repeat(100_000) + '</body>',
};

/** Parsing and laying out ten megabytes takes seconds alone, and more on a loaded machine. */
const HEAVY_PAGE_MS = 45000;

let server: http.Server;
let base: string;
let b: Browser;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const page = Object.hasOwn(PAGES, req.url ?? '') ? PAGES[req.url!] : undefined;
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page ? page() : 'no such page');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  b = await startBrowser();
});

// Each page is closed after its test, so one page's memory does not weigh on the next.
afterEach(async () => {
  for (const t of b.listTabs()) await b.closeTab(t.id);
});

afterAll(async () => {
  await b.shutdown();
  server.close();
});

const pixel = async (surfaceId: string, x: number, y: number) =>
  (await captureSurface(b.display().url!, surfaceId)).pixel(x, y).join();

test('malformed HTML renders what a browser would: unclosed tags, misnested formatting, stray tables', async () => {
  const t = await openLive(b, `${base}/malformed`);
  expect(tabOf(b, t.id).title).toBe('Broken');
  expect(await pixel(t.surfaceId, 900, 590)).toBe('0,255,0');
});

test('unsupported or broken CSS is ignored, never fatal', async () => {
  const t = await openLive(b, `${base}/css`);
  expect(await pixel(t.surfaceId, 900, 590)).toBe('0,0,255');
  expect(b.consoleMessages(t.id).filter((m) => m.level === 'error')).toEqual([]);
});

test('a script error goes to the tab’s console; later scripts run and the renderer lives', async () => {
  const t = await openLive(b, `${base}/script-error`);
  await waitFor(() => b.consoleMessages(t.id).some((m) => m.message === 'second script ran'), 'the second script');
  const error = b.consoleMessages(t.id).find((m) => m.level === 'error')!;
  expect(error.message).toMatch(/undefinedFunction is not defined/);
  await waitFor(async () => (await pixel(t.surfaceId, 900, 590)) === '255,0,0', 'the second script’s repaint');
  expect(alive(t.pid!)).toBe(true);
});

test('a 10 MB page of 150 000 paragraphs ends in a clear error page inside its tab', async () => {
  const t = await openLive(b, `${base}/ten-mb`, HEAVY_PAGE_MS);
  await waitFor(
    () => b.consoleMessages(t.id).some((m) => /more than 50,000 elements/.test(m.message)),
    'the reason in the console',
    30000,
  );
  expect(tabOf(b, t.id)).toMatchObject({ state: 'live', pid: t.pid });
  expect(await pixel(t.surfaceId, 900, 590)).toBe('248,249,250'); // the error page's background
}, 60000);

test('a 10 MB paragraph is laid out and rendered', async () => {
  const t = await openLive(b, `${base}/ten-mb-text`, HEAVY_PAGE_MS);
  expect(await pixel(t.surfaceId, 955, 590)).toBe('255,255,0'); // the body's margin, right of the text
  expect(alive(t.pid!)).toBe(true);
}, 60000);

test('100 000 nested elements end in a clear error page; other tabs are unaffected', async () => {
  const other = await openLive(b, 'https://orbit.example/');
  const t = await openLive(b, `${base}/nested`, HEAVY_PAGE_MS);
  expect(tabOf(b, t.id).title).toBe("Can't reach this page");
  expect(await pixel(t.surfaceId, 900, 590)).toBe('248,249,250');
  expect(tabOf(b, other.id).state).toBe('live');
}, 60000);

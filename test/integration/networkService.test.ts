/**
 * The network service: http(s) loads are fetched by a utility process of their own, not by the
 * browser. A page from a real local server arrives through it (the TCP socket is the service's);
 * ending it from the Task Manager fails the load in flight with a network error, and the next
 * load starts a new one; a compromised service that breaks the protocol is ended, the browser lives.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser } from '../../src/browser/Browser';
import type { BrowserEvent } from '../../src/common/controlApi';
import type { ChildLauncher, ChildProcessHandle, LaunchOptions } from '../../src/platform/ChildProcess';
import { NodeChildLauncher } from '../../src/platform/node/NodeChildLauncher';
import { openLive, startBrowser, tabOf, waitFor } from './helpers';

let server: http.Server;
let base: string;
/** Responses the server holds open until the test lets them go, by path. */
const held = new Map<string, { res: http.ServerResponse; clientPort: number }>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    if (req.url?.startsWith('/held')) {
      res.write('<title>Held</title>'); // the head is out; the body waits
      held.set(req.url, { res, clientPort: req.socket.remotePort! });
    } else res.end('<title>Fast</title><body style="background: #00ff00"><p>fast</p></body>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const h of held.values()) h.res.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const networkPid = async (b: Browser) => (await b.listProcesses()).find((p) => p.role === 'network')?.pid;

/** The inode of the TCP socket bound to 127.0.0.1:port on this machine, from /proc/net/tcp. */
function socketInode(localPort: number): number {
  const hex = localPort.toString(16).toUpperCase().padStart(4, '0');
  const line = fs
    .readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .find((l) => l.trim().split(/\s+/)[1]?.endsWith(`:${hex}`));
  if (!line) throw new Error(`no TCP socket on local port ${localPort}`);
  return Number(line.trim().split(/\s+/)[9]);
}

function ownsSocket(pid: number, inode: number): boolean {
  const dir = `/proc/${pid}/fd`;
  return fs.readdirSync(dir).some((fd) => {
    try {
      return fs.readlinkSync(path.join(dir, fd)) === `socket:[${inode}]`;
    } catch {
      return false; // closed while we looked
    }
  });
}

describe('the network service', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterAll(() => b.shutdown());

  test('a page from a local server is fetched by the network service: the socket is its own, not the browser’s', async () => {
    expect(await networkPid(b)).toBeUndefined(); // started on first use
    const tab = await b.openTab(`${base}/held-1`);
    const request = await waitFor(() => held.get('/held-1'), 'the request to reach the server');
    const pid = (await networkPid(b))!;
    const inode = socketInode(request.clientPort);
    expect(ownsSocket(pid, inode)).toBe(true);
    expect(ownsSocket(process.pid, inode)).toBe(false); // this test process is the browser process
    const info = (await b.listProcesses()).find((p) => p.pid === pid)!;
    expect(info.title).toBe('Utility: Network Service');
    expect(info.sandbox).toMatchObject({ os: 'on', seccomp: true, tcp: true });
    const renderer = (await b.listProcesses()).find((p) => p.role === 'renderer')!;
    expect(renderer.sandbox?.tcp).toBeUndefined();
    request.res.end('<body><p>arrived</p></body>');
    await waitFor(() => tabOf(b, tab.id).title === 'Held' && tabOf(b, tab.id).state === 'live', 'the page to load');
    expect(tabOf(b, tab.id).error).toBeUndefined();
  });

  test('a host name is resolved inside the sandbox (the resolver reads /etc/hosts and nsswitch.conf)', async () => {
    const tab = await b.openTab(`${base.replace('127.0.0.1', 'localhost')}/fast`);
    await waitFor(() => tabOf(b, tab.id).title === 'Fast' || tabOf(b, tab.id).error, 'the page or an error');
    expect(tabOf(b, tab.id)).toMatchObject({ title: 'Fast', state: 'live' });
  });

  test('ended from the Task Manager mid-response: the tab shows a network error; the next load starts a new service and succeeds', async () => {
    const events: BrowserEvent[] = [];
    const off = b.onEvent((e) => events.push(e));
    const tab = await b.openTab(`${base}/held-2`);
    await waitFor(() => held.get('/held-2'), 'the slow request to reach the server');
    const first = (await networkPid(b))!;
    await b.killProcess(first);
    await waitFor(() => tabOf(b, tab.id).error, 'the load to fail');
    expect(tabOf(b, tab.id).error).toMatch(/ERR_FAILED: the network service ended \(killed\)/);
    expect(events).toContainEqual(expect.objectContaining({ type: 'process-gone', pid: first, role: 'network' }));
    await waitFor(async () => (await networkPid(b)) === undefined, 'the dead service to leave the list');
    await b.navigate(tab.id, `${base}/fast`);
    await waitFor(() => tabOf(b, tab.id).title === 'Fast', 'the next load to succeed');
    const second = await networkPid(b);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(tabOf(b, tab.id).error).toBeUndefined();
    off();
  });
});

/** Test-only: launches the compromised network service fixture in place of the real one. */
class HostileNetworkLauncher implements ChildLauncher {
  readonly kind = 'node';
  private readonly inner = new NodeChildLauncher();
  constructor(private readonly mode: string) {}
  launch(o: LaunchOptions): ChildProcessHandle {
    if (!o.args.includes('--minium-role=network')) return this.inner.launch(o);
    const entry = path.join(__dirname, '../fixtures/hostileNetworkService.js');
    return this.inner.launch({ ...o, entry, args: [...o.args, `--mode=${this.mode}`] });
  }
}

describe.each([
  ['too-big', /more than 10485760 bytes/],
  ['malformed', /expected number, received string at status/],
  ['wrong-type', /image\/png, which is not a document/],
  ['unsolicited', /never made/],
])('a compromised network service (%s)', (mode, why) => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser({ launcher: new HostileNetworkLauncher(mode) });
  });
  afterAll(() => b.shutdown());

  test('is ended as a bad message; the load fails in its tab, the browser and other tabs live on', async () => {
    const events: BrowserEvent[] = [];
    b.onEvent((e) => events.push(e));
    const demo = await openLive(b, 'https://news.example/');
    const tab = await b.openTab(`${base}/fast`);
    const bad = await waitFor(
      () => events.find((e) => e.type === 'bad-message' && e.role === 'network'),
      'the service to be ended as a bad message',
    );
    expect((bad as { reason: string }).reason).toMatch(why);
    await waitFor(() => tabOf(b, tab.id).error, 'the load to fail');
    expect(tabOf(b, tab.id).error).toMatch(/^ERR_(INVALID_RESPONSE|FAILED)/);
    expect(tabOf(b, demo.id).state).toBe('live');
    expect((await b.listProcesses())[0].pid).toBe(process.pid);
  });
});

/** Real kernels, real processes: the tests' side of the browser. */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import WebSocket from 'ws';
import { Browser, type BrowserOptions } from '../../src/browser/Browser';
import type { TabInfo } from '../../src/common/controlApi';
import type { DamageHeader } from '../../src/common/protocol';
import { waitFor } from '../../src/common/waitFor';
import { NodeChildLauncher } from '../../src/platform/node/NodeChildLauncher';

export { waitFor };
export { isRunning as alive } from '../../src/platform/processState';
process.env.MINIUM_CHILD_STDERR ??= 'quiet';

/**
 * A kernel with real processes. Without a spare renderer unless asked (`spareRenderer: true`): on
 * two shared cores, one more renderer starting in every test slows the frame-counting ones; the
 * spare has tests of its own (spareRenderer.test.ts), and the shells keep it on.
 */
export async function startBrowser(options: Partial<BrowserOptions> = {}): Promise<Browser> {
  const b = new Browser({ launcher: new NodeChildLauncher(), rasterThreads: 2, spareRenderer: false, ...options });
  await b.start();
  return b;
}

export function tabOf(b: Browser, id: number): TabInfo {
  const t = b.listTabs().find((x) => x.id === id);
  if (!t) throw new Error(`no tab ${id}`);
  return t;
}

export async function openLive(b: Browser, url: string, timeoutMs?: number): Promise<TabInfo> {
  const t = await b.openTab(url);
  return waitFor(
    () => {
      const now = tabOf(b, t.id);
      return now.state === 'live' && now.framesPresented > 0 && now;
    },
    `${url} to present its first frame`,
    timeoutMs,
  );
}

/** This process's resident memory (the browser's, in these tests), after a collection when --expose-gc. */
export function rss(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
}

/** True when the tab presents new frames within the next moments. */
export async function keepsPresenting(b: Browser, id: number, frames = 10): Promise<boolean> {
  const start = tabOf(b, id).framesPresented;
  await waitFor(() => tabOf(b, id).framesPresented >= start + frames, `tab ${id} to present ${frames} more frames`);
  return true;
}

/** Named tile pools of a process in /dev/shm, as Minium made them before pools became anonymous. */
export function shmNamesOf(pid: number): string[] {
  return fs.readdirSync('/dev/shm').filter((n) => n.startsWith(`minium.${pid}.`));
}

/** Tile pools a process holds open: memfds, seen in /proc/<pid>/fd as `/memfd:minium-tile-pool:… (deleted)`. */
export function tilePoolDescriptorsOf(pid: number): { fd: number; inode: number; link: string }[] {
  const dir = `/proc/${pid}/fd`;
  return fs.readdirSync(dir).flatMap((fd) => {
    try {
      const link = fs.readlinkSync(`${dir}/${fd}`);
      if (!link.startsWith('/memfd:minium-tile-pool:')) return [];
      return [{ fd: Number(fd), inode: fs.statSync(`${dir}/${fd}`).ino, link }];
    } catch (e) {
      // Closed while we looked (between the listing, the link and the stat): no longer a pool.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
  });
}

/** Inodes of the tile pools a process has mapped, from /proc/<pid>/maps. */
export function mappedTilePoolsOf(pid: number): Set<number> {
  const lines = fs.readFileSync(`/proc/${pid}/maps`, 'utf8').split('\n');
  return new Set(
    lines.filter((l) => l.includes('/memfd:minium-tile-pool:')).map((l) => Number(l.trim().split(/\s+/)[4])),
  );
}

/** The whole picture of a surface, as a window gets it from the display compositor. */
export function captureSurface(
  displayUrl: string,
  surfaceId: string,
): Promise<{ w: number; h: number; pixel: (x: number, y: number) => [number, number, number] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(displayUrl);
    const timer = setTimeout(
      () => (ws.terminate(), reject(new Error(`no full picture of ${surfaceId} within 20 s`))),
      20000,
    );
    ws.on('open', () => ws.send(JSON.stringify({ type: 'show', surfaceId })));
    ws.on('error', reject);
    ws.on('message', (data: Buffer) => {
      const len = data.readUInt32BE(0);
      const header = JSON.parse(data.subarray(4, 4 + len).toString()) as DamageHeader;
      if (header.rect.w !== header.surface.w || header.rect.h !== header.surface.h) return; // wait for a full picture
      clearTimeout(timer);
      ws.close();
      const px = data.subarray(4 + len);
      resolve({
        w: header.surface.w,
        h: header.surface.h,
        pixel: (x, y) => [
          px[(y * header.surface.w + x) * 4],
          px[(y * header.surface.w + x) * 4 + 1],
          px[(y * header.surface.w + x) * 4 + 2],
        ],
      });
    });
  });
}

export interface WebShell {
  child: ChildProcess;
  base: string;
  token: string;
  url: string;
  /** The last lines the shell wrote to stdout and stderr, for a failing test to print. */
  log(): string;
}

/**
 * `minium web --headless --port 0`, as a user starts it; resolves with the URL it prints first.
 * Both pipes are read to the end: a shell whose unread stderr pipe filled would block in write().
 */
export async function startWebShell(extraArgs: string[] = []): Promise<WebShell> {
  const cli = path.join(__dirname, '../../src/shell/cli/main.js');
  const child = spawn(process.execPath, [cli, 'web', '--headless', '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MINIUM_CHILD_STDERR: 'quiet' },
  });
  const lines: string[] = [];
  const keep = (line: string) => lines.push(line) > 400 && lines.shift();
  readline.createInterface({ input: child.stderr! }).on('line', keep);
  const stdout = readline.createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    stdout.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the web shell exited with ${code}:\n${lines.join('\n')}`)));
  });
  stdout.on('line', keep);
  const url = new URL(first);
  return {
    child,
    base: url.origin,
    token: url.searchParams.get('token')!,
    url: first,
    log: () => lines.join('\n'),
  };
}

/** A web shell's answer to one control-API request: its HTTP status and its JSON (every `/api/` answer is JSON). */
export interface ApiAnswer {
  status: number;
  json: unknown;
}

/**
 * One request to a web shell's control API, authorized as the window's are (`Authorization: Bearer`),
 * or with another `token` (null: none). A string body is sent as it is (a malformed one, on purpose);
 * any other body as JSON.
 */
export async function apiRequest(
  shell: WebShell,
  method: string,
  route: string,
  body?: unknown,
  token: string | null = shell.token,
): Promise<ApiAnswer> {
  const res = await fetch(`${shell.base}${route}`, {
    method,
    headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

/** The answer of a control-API request that must succeed; anything but a 2xx is an error naming the request. */
export async function api<T>(shell: WebShell, method: string, route: string, body?: unknown): Promise<T> {
  const { status, json } = await apiRequest(shell, method, route, body);
  if (status < 200 || status > 299) throw new Error(`${method} ${route} answered ${status}: ${JSON.stringify(json)}`);
  return json as T;
}

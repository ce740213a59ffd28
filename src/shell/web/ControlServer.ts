/**
 * The web shell's face: the browser UI as static files, the control API as JSON over HTTP, and
 * browser events over a WebSocket, all on 127.0.0.1 and all (but the static files) behind a
 * token. See docs/api.md.
 */
import { timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { WebSocketServer } from 'ws';
import { z } from 'zod';
import type { ControlApi } from '../../common/controlApi';
import { errors, MiniumError } from '../../common/errors';
import { InputEvent, RenderingOverlays } from '../../common/protocol';
import { UI_DIR } from '../../platform/paths';

const MAX_BODY = 64 * 1024;
const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/styles.css': { file: 'styles.css', type: 'text/css; charset=utf-8' },
  '/dist/app.js': { file: 'dist/app.js', type: 'text/javascript; charset=utf-8' },
};

const UrlBody = z.object({ url: z.string() });
const CrashBody = z.object({ how: z.enum(['exception', 'segfault']) });
const LabBody = z.object({ quick: z.boolean().default(true) });

type Handler = (params: string[], body: unknown) => Promise<unknown> | unknown;
interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

export class ControlServer {
  private readonly server: http.Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly routes: Route[];
  port = 0;

  constructor(
    api: ControlApi,
    private readonly token: string,
  ) {
    const id = (s: string) => Number(s);
    const body = <T>(schema: z.ZodType<T>, raw: unknown): T => {
      const r = schema.safeParse(raw);
      if (!r.success)
        throw errors.badRequest(
          `Bad request body: ${r.error.issues[0]?.message} at ${r.error.issues[0]?.path.join('.') || 'the top level'}.`,
        );
      return r.data;
    };
    this.routes = [
      { method: 'GET', pattern: /^\/api\/tabs$/, handler: () => api.listTabs() },
      { method: 'POST', pattern: /^\/api\/tabs$/, handler: (_, b) => api.openTab(body(UrlBody, b).url) },
      {
        method: 'DELETE',
        pattern: /^\/api\/tabs\/(\d+)$/,
        handler: async ([t]) => (await api.closeTab(id(t)), { closed: id(t) }),
      },
      {
        method: 'POST',
        pattern: /^\/api\/tabs\/(\d+)\/navigate$/,
        handler: ([t], b) => api.navigate(id(t), body(UrlBody, b).url),
      },
      { method: 'POST', pattern: /^\/api\/tabs\/(\d+)\/reload$/, handler: ([t]) => api.reload(id(t)) },
      { method: 'GET', pattern: /^\/api\/processes$/, handler: () => api.listProcesses() },
      {
        method: 'POST',
        pattern: /^\/api\/processes\/(\d+)\/kill$/,
        handler: async ([p]) => (await api.killProcess(id(p)), { killed: id(p) }),
      },
      {
        method: 'POST',
        pattern: /^\/api\/processes\/(\d+)\/threads\/([\w.-]+)\/crash$/,
        handler: async ([p, t], b) => (await api.crashThread(id(p), t, body(CrashBody, b).how), { crashing: t }),
      },
      { method: 'GET', pattern: /^\/api\/demos$/, handler: () => api.listDemos() },
      { method: 'GET', pattern: /^\/api\/display$/, handler: () => api.display() },
      {
        method: 'POST',
        pattern: /^\/api\/labs\/(ipc|threads)$/,
        handler: ([lab], b) => api.runLab(lab as 'ipc' | 'threads', body(LabBody, b).quick),
      },
      {
        method: 'POST',
        pattern: /^\/api\/tabs\/(\d+)\/input$/,
        handler: ([t], b) => api.sendInput(id(t), body(InputEvent, b)),
      },
      { method: 'GET', pattern: /^\/api\/tabs\/(\d+)\/console$/, handler: ([t]) => api.consoleMessages(id(t)) },
      { method: 'GET', pattern: /^\/api\/tabs\/(\d+)\/tiles$/, handler: ([t]) => api.tileReport(id(t)) },
      { method: 'GET', pattern: /^\/api\/overlays$/, handler: () => api.renderingOverlays() },
      {
        method: 'POST',
        pattern: /^\/api\/overlays$/,
        handler: (_, b) => api.setRenderingOverlays(body(RenderingOverlays, b)),
      },
    ];
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== '/api/events' || !this.authorized(req, url)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        const off = api.onEvent((e) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(e)));
        ws.on('close', off);
        ws.on('error', () => ws.terminate());
      });
    });
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.port = (this.server.address() as { port: number }).port;
        resolve(this.port);
      });
    });
  }

  close(): void {
    for (const c of this.wss.clients) c.terminate();
    this.server.closeAllConnections?.();
    this.server.close();
  }

  private authorized(req: http.IncomingMessage, url: URL): boolean {
    const given = url.searchParams.get('token') ?? /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const a = Buffer.from(given);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      // Only this machine's own names: a page on another origin cannot reach us through DNS rebinding.
      if (!/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(req.headers.host ?? ''))
        throw errors.badRequest('Unexpected Host header.');
      const asset = STATIC[url.pathname];
      if (req.method === 'GET' && asset) return this.serveStatic(res, asset);
      if (!url.pathname.startsWith('/api/')) throw errors.notFound(url.pathname);
      if (!this.authorized(req, url)) throw errors.unauthorized();
      const route = this.routes.find((r) => r.pattern.test(url.pathname) && r.method === req.method);
      if (!route) {
        const other = this.routes.some((r) => r.pattern.test(url.pathname));
        throw other
          ? new MiniumError('method-not-allowed', 405, `${req.method} is not allowed on ${url.pathname}.`)
          : errors.notFound(url.pathname);
      }
      const params = route.pattern.exec(url.pathname)!.slice(1);
      const body = req.method === 'POST' ? await readJson(req) : undefined;
      send(res, 200, await route.handler(params, body));
    } catch (e) {
      if (e instanceof MiniumError) return send(res, e.status, { error: { code: e.code, message: e.message } });
      process.stderr.write(
        `[browser] ${req.method} ${url.pathname} failed: ${e instanceof Error ? e.stack : String(e)}\n`,
      );
      send(res, 500, { error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } });
    }
  }

  private serveStatic(res: http.ServerResponse, asset: { file: string; type: string }): void {
    const file = path.join(UI_DIR, asset.file);
    fs.readFile(file, (err, data) => {
      if (err)
        return send(res, 404, {
          error: { code: 'not-found', message: `${asset.file} is missing: run "npm run build".` },
        });
      res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store' });
      res.end(data);
    });
  }
}

function send(res: http.ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value ?? null));
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // An oversized body is read to its end and dropped, so the 413 answer still reaches the client.
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY) return reject(errors.tooLarge(MAX_BODY));
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(errors.badRequest('The request body is not valid JSON.'));
      }
    });
    req.on('error', reject);
  });
}

/**
 * The web shell's face: the browser UI as static files, the control API as JSON over HTTP (its
 * routes and checks derived from the control API table, `controlRoutes.ts`), and browser events
 * over a WebSocket, all on 127.0.0.1 and all (but the static files) behind a token. See docs/api.md.
 */
import { timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { WebSocketServer } from 'ws';
import type { ControlApi } from '../../common/controlApi';
import { invoke } from '../../common/controlCalls';
import { httpAnswer, matchRoute, parseRequest } from '../../common/controlRoutes';
import { errors, MiniumError } from '../../common/errors';
import { LIMITS } from '../../common/limits';
import { UI_DIR } from '../../platform/paths';

const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/styles.css': { file: 'styles.css', type: 'text/css; charset=utf-8' },
  '/dist/app.js': { file: 'dist/app.js', type: 'text/javascript; charset=utf-8' },
};

export class ControlServer {
  private readonly server: http.Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  port = 0;

  constructor(
    private readonly api: ControlApi,
    private readonly token: string,
  ) {
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
      const route = matchRoute(req.method ?? '', url.pathname);
      if (!route.ok)
        throw route.status === 405
          ? new MiniumError('method-not-allowed', 405, `${req.method} is not allowed on ${url.pathname}.`)
          : errors.notFound(url.pathname);
      const body = req.method === 'POST' ? await readJson(req) : undefined;
      const call = parseRequest(route.method, route.segments, body);
      if (!call.ok) throw errors.badRequest(call.reason);
      send(res, 200, httpAnswer(call.method, call.args, await invoke(this.api, call)));
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
      if (size <= LIMITS.httpBodyBytes) chunks.push(c);
    });
    req.on('end', () => {
      if (size > LIMITS.httpBodyBytes) return reject(errors.tooLarge(LIMITS.httpBodyBytes));
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

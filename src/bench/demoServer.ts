/**
 * Static HTTP servers on 127.0.0.1 for the demo sites: the same pages for Minium and for Chromium.
 * One demo's folder, or every site under assets/sites chosen by the request's Host.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { ASSETS_DIR } from '../platform/paths';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface DemoServer {
  port: number;
  close(): Promise<void>;
}

export function serveDemo(root: string): Promise<DemoServer> {
  return serveFiles(() => root);
}

/** Each demo site from its folder under assets/sites, chosen by the request's Host. */
export function serveDemoSites(): Promise<DemoServer> {
  const sites = path.join(ASSETS_DIR, 'sites');
  return serveFiles((req) => path.join(sites, path.basename((req.headers.host ?? '').split(':')[0])));
}

async function serveFiles(rootOf: (req: http.IncomingMessage) => string): Promise<DemoServer> {
  const server = http.createServer((req, res) => {
    const root = rootOf(req);
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(root, path.normalize(pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (!file.startsWith(root + path.sep)) return void res.writeHead(403).end('outside the demo folder');
    fs.readFile(file, (err, body) => {
      if (err) return void res.writeHead(404).end(`${pathname}: ${err.code ?? err.message}`);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

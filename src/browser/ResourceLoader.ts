/**
 * The browser process loads every page for the renderers (CLAIMS.md BR1): renderers have no
 * file or network access of their own. Demo sites live under assets/sites/<host>/ on the
 * reserved .example domain; http(s) URLs are fetched from the network.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { describeError } from '../common/errors';

export type Destination = 'document' | 'script';

/** What a document or a script may be served as; anything else is refused with its type. */
const ACCEPTED: Record<Destination, RegExp> = {
  document: /^text\/|html|xml/,
  script: /^text\/|javascript|ecmascript|json/,
};

export type LoadResult = { ok: true; status: number; contentType: string; body: string } | { ok: false; error: string };

export const MAX_PAGE_BYTES = 10 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 10000;

export class ResourceLoader {
  constructor(private readonly sitesDir: string) {}

  static isDemoHost(hostname: string): boolean {
    return hostname.endsWith('.example');
  }

  async load(url: URL, destination: Destination = 'document'): Promise<LoadResult> {
    try {
      return ResourceLoader.isDemoHost(url.hostname) ? await this.loadDemo(url) : await this.fetch(url, destination);
    } catch (e) {
      return { ok: false, error: describeError(e) };
    }
  }

  private async loadDemo(url: URL): Promise<LoadResult> {
    const root = path.join(this.sitesDir, url.hostname);
    const rel = decodeURIComponent(url.pathname).replace(/\/$/, '/index.html');
    const file = path.resolve(root, `.${rel}`);
    if (!file.startsWith(root + path.sep))
      return { ok: false, error: `${url.pathname} is outside the site ${url.hostname}` };
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      return { ok: false, error: `ERR_FILE_NOT_FOUND: ${url.hostname} has no page ${url.pathname}` };
    }
    if (!stat.isFile()) return { ok: false, error: `ERR_FILE_NOT_FOUND: ${url.pathname} is not a page` };
    if (stat.size > MAX_PAGE_BYTES)
      return {
        ok: false,
        error: `The page is ${stat.size} bytes; pages of at most ${MAX_PAGE_BYTES} bytes are loaded.`,
      };
    return { ok: true, status: 200, contentType: 'text/html', body: await fs.readFile(file, 'utf8') };
  }

  private async fetch(url: URL, destination: Destination): Promise<LoadResult> {
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      return {
        ok: false,
        error: `The network request to ${url.host} failed: ${cause?.code ?? cause?.message ?? describeError(e)}`,
      };
    }
    const contentType = res.headers.get('content-type') ?? 'text/html';
    if (!ACCEPTED[destination].test(contentType)) {
      await res.body?.cancel();
      return { ok: false, error: `${url.href} is ${contentType}, not a ${destination} Minium can use.` };
    }
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > MAX_PAGE_BYTES) {
      await res.body?.cancel();
      return {
        ok: false,
        error: `The page is ${declared} bytes; pages of at most ${MAX_PAGE_BYTES} bytes are loaded.`,
      };
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of res.body ?? []) {
      total += (chunk as Uint8Array).length;
      if (total > MAX_PAGE_BYTES) return { ok: false, error: `The page is larger than ${MAX_PAGE_BYTES} bytes.` };
      chunks.push(chunk as Uint8Array);
    }
    return { ok: true, status: res.status, contentType, body: Buffer.concat(chunks).toString('utf8') };
  }
}

/**
 * The browser process brokers every load for the renderers (CLAIMS.md BR1): renderers have no
 * file or network access of their own. Demo sites live under assets/sites/<host>/ on the
 * reserved .example domain and are read here; http(s) URLs are fetched, as in today's Chromium,
 * by the network service, a utility process of its own (NetworkService).
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { describeError } from '../common/errors';
import { LIMITS } from '../common/limits';
import { type Destination, tooLargeError } from '../common/resourceTypes';
import type { NetworkService } from './NetworkService';

export type LoadResult = { ok: true; status: number; contentType: string; body: string } | { ok: false; error: string };

export class ResourceLoader {
  constructor(
    private readonly sitesDir: string,
    private readonly network: NetworkService,
  ) {}

  static isDemoHost(hostname: string): boolean {
    return hostname.endsWith('.example');
  }

  async load(url: URL, destination: Destination = 'document'): Promise<LoadResult> {
    if (!ResourceLoader.isDemoHost(url.hostname)) return this.network.fetch(url, destination);
    try {
      return await this.loadDemo(url);
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
    if (stat.size > LIMITS.pageBytes) return { ok: false, error: tooLargeError(`${stat.size} bytes`) };
    return { ok: true, status: 200, contentType: 'text/html', body: await fs.readFile(file, 'utf8') };
  }
}

/**
 * Serves renderers' resource requests: one ResourceServer per Browser. Only documents are site
 * locked: a renderer asking for another site's document is a bad message and ends it, while
 * scripts (a page's and its workers') may come from any site, as on the web. Each renderer has
 * a bounded number of requests in flight; beyond it a request fails in its page, never grows
 * the browser. The loading itself is ResourceLoader's; a document that fails to load becomes its
 * tab's error.
 */
import { LIMITS } from '../common/limits';
import type { RendererToBrowser } from '../common/protocol';
import { isAllowedForSite } from '../common/site';
import type { NetworkService } from './NetworkService';
import { ResourceLoader } from './ResourceLoader';
import type { RenderProcessHost } from './RenderProcessHost';
import type { Tab, TabStrip } from './TabStrip';

type ResourceRequest = Extract<RendererToBrowser, { type: 'resource-request' }>;

export class ResourceServer {
  private readonly loader: ResourceLoader;
  private readonly inFlight = new WeakMap<RenderProcessHost, number>();

  constructor(
    sitesDir: string,
    private readonly tabs: TabStrip,
    network: NetworkService,
  ) {
    this.loader = new ResourceLoader(sitesDir, network);
  }

  async serve(host: RenderProcessHost, tab: Tab, request: ResourceRequest): Promise<void> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return host.reject(`asked for "${request.url.slice(0, 100)}", which is not a URL`);
    }
    if (request.destination === 'document' && (host.site === null || !isAllowedForSite(host.site, url)))
      return host.reject(`asked for the document ${url.href}, but it is locked to ${host.site ?? 'no site (a spare)'}`);
    const waiting = this.inFlight.get(host) ?? 0;
    // The renderer keeps below this itself: more is a flood the browser refuses, not a reason to kill.
    if (waiting >= LIMITS.inFlightRequestsPerRenderer) {
      const error = `the renderer already waits for ${LIMITS.inFlightRequestsPerRenderer} resources`;
      return host.send({ type: 'resource-response', requestId: request.requestId, result: { ok: false, error } });
    }
    this.inFlight.set(host, waiting + 1);
    const result = await this.loader
      .load(url, request.destination)
      .finally(() => this.inFlight.set(host, (this.inFlight.get(host) ?? 1) - 1));
    // The tab may have moved to another site's renderer while this loaded.
    if (!result.ok && request.destination === 'document' && tab.host === host) {
      tab.error = result.error;
      this.tabs.changed(tab);
    }
    host.send({ type: 'resource-response', requestId: request.requestId, result });
  }
}

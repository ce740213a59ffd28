/**
 * Serves renderers' resource requests under the site lock: one ResourceServer per Browser. A
 * renderer may ask only for its own site's URLs; anything else is a bad message and ends it. The
 * loading itself is ResourceLoader's; a document that fails to load becomes its tab's error.
 */
import type { RendererToBrowser } from '../common/protocol';
import { isAllowedForSite } from '../common/site';
import { ResourceLoader } from './ResourceLoader';
import type { RenderProcessHost } from './RenderProcessHost';
import type { Tab, TabStrip } from './TabStrip';

type ResourceRequest = Extract<RendererToBrowser, { type: 'resource-request' }>;

export class ResourceServer {
  private readonly loader: ResourceLoader;

  constructor(
    sitesDir: string,
    private readonly tabs: TabStrip,
  ) {
    this.loader = new ResourceLoader(sitesDir);
  }

  async serve(host: RenderProcessHost, tab: Tab, request: ResourceRequest): Promise<void> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return host.reject(`asked for "${request.url.slice(0, 100)}", which is not a URL`);
    }
    if (!isAllowedForSite(host.site, url))
      return host.reject(`asked for ${url.href}, but it is locked to ${host.site}`);
    const result = await this.loader.load(url);
    // The tab may have moved to another site's renderer while this loaded.
    if (!result.ok && request.destination === 'document' && tab.host === host) {
      tab.error = result.error;
      this.tabs.changed(tab);
    }
    host.send({ type: 'resource-response', requestId: request.requestId, result });
  }
}

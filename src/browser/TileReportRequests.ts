/**
 * The tile-report RPC: one TileReportRequests per Browser. Asks a tab's renderer which raster
 * thread drew each tile and waits for the answer, at most TILE_REPORT_TIMEOUT_MS. An answer is
 * believed only from the renderer that draws the reported tab.
 */
import { errors } from '../common/errors';
import type { TileReport } from '../common/protocol';

export const TILE_REPORT_TIMEOUT_MS = 2000;

/** What a request needs of a renderer (a RenderProcessHost). */
export interface TileReportPeer {
  readonly tabs: ReadonlySet<number>;
  send(message: { type: 'tile-report-request'; requestId: number; tabId: number }): void;
}

export class TileReportRequests {
  private nextId = 1;
  private readonly waiting = new Map<number, (report: TileReport | null) => void>();

  request(host: TileReportPeer, tabId: number): Promise<TileReport> {
    const requestId = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId);
        reject(errors.rendererTimeout('the tile report'));
      }, TILE_REPORT_TIMEOUT_MS);
      this.waiting.set(requestId, (report) => {
        clearTimeout(timer);
        if (report) resolve(report);
        else reject(errors.tabNotLive(tabId));
      });
      host.send({ type: 'tile-report-request', requestId, tabId });
    });
  }

  /** The renderer's answer; null when it has none (the tab is not drawn there). */
  answer(host: TileReportPeer, requestId: number, report: TileReport | null): void {
    const settle = this.waiting.get(requestId);
    this.waiting.delete(requestId);
    // A report about a tab this renderer does not draw is not believed.
    settle?.(report && host.tabs.has(report.tabId) ? report : null);
  }
}

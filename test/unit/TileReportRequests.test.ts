import { TILE_REPORT_TIMEOUT_MS, type TileReportPeer, TileReportRequests } from '../../src/browser/TileReportRequests';
import type { TileReport } from '../../src/common/protocol';

const report = (tabId: number): TileReport => ({
  tabId,
  rasterThreads: 2,
  scroll: { x: 0, y: 0 },
  framesPerSecond: 60,
  beginFrames: 120,
  frameMetrics: { compositorAnimation: null, mainThreadAnimation: null, scroll: null },
  tiles: [],
});

function renderer(tabs: number[]) {
  const sent: unknown[] = [];
  const host: TileReportPeer = { tabs: new Set(tabs), send: (m) => void sent.push(m) };
  return { host, sent };
}

describe('TileReportRequests', () => {
  afterEach(() => jest.useRealTimers());

  test('the renderer is asked, and its answer resolves the request it names', async () => {
    const requests = new TileReportRequests();
    const { host, sent } = renderer([3, 4]);
    const first = requests.request(host, 3);
    const second = requests.request(host, 4);
    expect(sent).toEqual([
      { type: 'tile-report-request', requestId: 1, tabId: 3 },
      { type: 'tile-report-request', requestId: 2, tabId: 4 },
    ]);
    requests.answer(host, 2, report(4));
    requests.answer(host, 1, report(3));
    await expect(first).resolves.toEqual(report(3));
    await expect(second).resolves.toEqual(report(4));
  });

  test('no report, or one about a tab the renderer does not draw, means the tab is not live', async () => {
    const requests = new TileReportRequests();
    const { host } = renderer([3]);
    const none = requests.request(host, 3);
    const foreign = requests.request(host, 3);
    requests.answer(host, 1, null);
    requests.answer(host, 2, report(9));
    await expect(none).rejects.toMatchObject({ code: 'tab-not-live' });
    await expect(foreign).rejects.toMatchObject({ code: 'tab-not-live' });
  });

  test('a renderer that does not answer in time fails the request; a late answer is ignored', async () => {
    jest.useFakeTimers();
    const requests = new TileReportRequests();
    const { host } = renderer([3]);
    const pending = requests.request(host, 3);
    jest.advanceTimersByTime(TILE_REPORT_TIMEOUT_MS + 1);
    await expect(pending).rejects.toMatchObject({ code: 'renderer-timeout' });
    expect(() => requests.answer(host, 1, report(3))).not.toThrow();
  });
});

/**
 * What each renderer thread really loads. Its entry module is started in a real worker thread,
 * with the workerData the IO thread gives it, and the thread reports every module in its require
 * cache. The compositor and raster threads load nothing of the main thread's (page/, script/):
 * they keep drawing while page script runs, and cc admits no Blink. A worker runs script, never
 * the page. (The dependency-cruiser rules say the same of the sources; this is the run time.)
 */
import * as path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { APP_ROOT } from '../../src/platform/paths';

const RENDERER = path.join(APP_ROOT, 'dist', 'src', 'processes', 'renderer');

// Runs in the new thread: load the entry as the renderer does, then list what came with it.
const PROBE = `
const { workerData } = require('node:worker_threads');
require(workerData.entry);
workerData.report.postMessage(Object.keys(require.cache));
`;

/** The modules a thread has loaded once its entry module has run, relative to the renderer's folder. */
async function modulesLoadedBy(file: string, data: Record<string, unknown>): Promise<string[]> {
  const report = new MessageChannel();
  const port = new MessageChannel();
  const worker = new Worker(PROBE, {
    eval: true,
    workerData: { ...data, port: port.port2, entry: path.join(RENDERER, 'threads', file), report: report.port2 },
    transferList: [port.port2, report.port2],
  });
  try {
    const loaded = await new Promise<string[]>((resolve, reject) => {
      report.port1.once('message', resolve);
      worker.once('error', (e) => reject(new Error(`threads/${file} failed to start: ${e.message}`)));
      worker.once('exit', (code) => reject(new Error(`threads/${file} exited (code ${code}) before reporting`)));
    });
    return loaded.filter((m) => m.startsWith(RENDERER + path.sep)).map((m) => path.relative(RENDERER, m));
  } finally {
    report.port1.close();
    port.port1.close();
    await worker.terminate();
  }
}

const under = (modules: string[], ...folders: string[]) =>
  modules.filter((m) => folders.some((f) => m.startsWith(f + path.sep)));

describe('what each renderer thread loads', () => {
  test('the compositor thread loads its own code and display items, and no page or script code', async () => {
    const loaded = await modulesLoadedBy('compositor.js', {});
    expect(loaded).toContain(path.join('compositor', 'LayerTreeHostImpl.js'));
    expect(loaded).toContain(path.join('paint', 'DisplayList.js'));
    expect(under(loaded, 'page', 'script')).toEqual([]);
  });

  test('a raster thread loads display-item playback, and no page, script or compositor code', async () => {
    const loaded = await modulesLoadedBy('raster.js', { index: 1 });
    expect(loaded).toContain(path.join('paint', 'drawItems.js'));
    expect(under(loaded, 'page', 'script', 'compositor')).toEqual([]);
  });

  test('a worker thread loads its script context, and no page or compositor code', async () => {
    const loaded = await modulesLoadedBy('worker.js', {
      workerId: 'worker-1',
      tabId: 1,
      url: 'https://a.example/w.js',
    });
    expect(loaded).toContain(path.join('script', 'ScriptContext.js'));
    expect(under(loaded, 'page', 'compositor')).toEqual([]);
  });
});

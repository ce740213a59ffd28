/**
 * What each renderer thread really loads. Its entry module is started in a real worker thread,
 * with the workerData the IO thread gives it, and the thread reports every module in its require
 * cache. The compositor and raster threads load nothing of the main thread's (page/, script/):
 * they keep drawing while page script runs, and cc admits no Blink. A worker runs script, never
 * the page. (The dependency-cruiser rules say the same of the sources; this is the run time.)
 * Neither the compositor nor a raster thread loads zod: with the protocol's schemas it costs a
 * thread's heap ~4 MB, and neither reads a message from another process that needs it.
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

interface Loaded {
  /** The renderer's own modules, relative to its folder. */
  renderer: string[];
  /** The npm packages, by name. */
  packages: string[];
}

/** The modules a thread has loaded once its entry module has run. */
async function modulesLoadedBy(file: string, data: Record<string, unknown>): Promise<Loaded> {
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
    const packages = loaded.flatMap((m) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(m)?.[1] ?? []);
    return {
      renderer: loaded.filter((m) => m.startsWith(RENDERER + path.sep)).map((m) => path.relative(RENDERER, m)),
      packages: [...new Set(packages)],
    };
  } finally {
    report.port1.close();
    port.port1.close();
    await worker.terminate();
  }
}

const under = (modules: string[], ...folders: string[]) =>
  modules.filter((m) => folders.some((f) => m.startsWith(f + path.sep)));

describe('what each renderer thread loads', () => {
  test('the compositor thread loads its own code and display items, and no page or script code, nor zod', async () => {
    const { renderer, packages } = await modulesLoadedBy('compositor.js', {});
    expect(renderer).toContain(path.join('compositor', 'LayerTreeHostImpl.js'));
    expect(renderer).toContain(path.join('paint', 'DisplayList.js'));
    expect(under(renderer, 'page', 'script')).toEqual([]);
    expect(packages).toContain('@napi-rs/canvas');
    expect(packages).not.toContain('zod');
  });

  test('a raster thread loads display-item playback, and no page, script or compositor code, nor zod', async () => {
    const { renderer, packages } = await modulesLoadedBy('raster.js', { index: 1 });
    expect(renderer).toContain(path.join('paint', 'drawItems.js'));
    expect(under(renderer, 'page', 'script', 'compositor')).toEqual([]);
    expect(packages).toContain('@napi-rs/canvas');
    expect(packages).not.toContain('zod');
  });

  test('a worker thread loads its script context, and no page or compositor code', async () => {
    const { renderer } = await modulesLoadedBy('worker.js', {
      workerId: 'worker-1',
      tabId: 1,
      url: 'https://a.example/w.js',
    });
    expect(renderer).toContain(path.join('script', 'ScriptContext.js'));
    expect(under(renderer, 'page', 'compositor')).toEqual([]);
  });
});

/**
 * The addon's setAffinity pins the calling thread only (Linux affinity is per thread): a worker
 * thread pins itself and the main thread keeps its CPUs; arguments are checked with readable errors.
 */
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import { native } from '../../src/platform/native';

const n = native();
const linux = process.platform === 'linux' ? describe : describe.skip;

linux('setAffinity', () => {
  test('a worker thread pins itself; the main thread keeps its own CPUs', async () => {
    const allowed = n.getAffinity!();
    const target = allowed[allowed.length - 1];
    const addon = path.join(__dirname, '../../src/platform/native.js');
    const worker = new Worker(
      `const { native } = require(${JSON.stringify(addon)});
       const n = native();
       n.setAffinity([${target}]);
       require('node:worker_threads').parentPort.postMessage({ cpus: n.getAffinity(), on: n.currentCpu() });`,
      { eval: true },
    );
    const seen = await new Promise<{ cpus: number[]; on: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(seen).toEqual({ cpus: [target], on: target });
    expect(n.getAffinity!()).toEqual(allowed);
  });

  test('pins this thread and restores it', () => {
    const allowed = n.getAffinity!();
    try {
      n.setAffinity!([allowed[0]]);
      expect(n.getAffinity!()).toEqual([allowed[0]]);
      expect(n.currentCpu!()).toBe(allowed[0]);
    } finally {
      n.setAffinity!(allowed);
    }
    expect(n.getAffinity!()).toEqual(allowed);
  });

  test('refuses what is not a list of CPUs, with a reason', () => {
    const set = n.setAffinity! as (x: unknown) => void;
    expect(() => set([])).toThrow(/non-empty array of CPU numbers/);
    expect(() => set('0')).toThrow(/non-empty array of CPU numbers/);
    expect(() => set([0.5])).toThrow(/item 0 is not/);
    expect(() => set([-1])).toThrow(/outside 0\.\.1023/);
    expect(() => set([1000])).toThrow(/none of those CPUs is online and allowed here/);
  });

  test('the lat_ctx hand-off reports where both sides ran', () => {
    const allowed = n.getAffinity!();
    try {
      n.setAffinity!([allowed[0]]);
      const r = n.switchCostC!(200, false, allowed[0]);
      expect(r).toMatchObject({ cpu: allowed[0], peerCpu: allowed[0] });
      expect(r.handOff).toBeGreaterThan(r.overhead);
      expect(() => n.switchCostC!(200, true, 1000)).toThrow(/could not pin itself to CPU 1000/);
    } finally {
      n.setAffinity!(allowed);
    }
  });
});

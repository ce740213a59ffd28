/**
 * A thread's heap reduction (the renderer's `HeapReducer`): the real addon in a real worker_thread,
 * and the quiet time it waits for.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { HeapReducer } from '../../src/platform/child/ThreadHeap';
import { APP_ROOT } from '../../src/platform/paths';

const THREAD_HEAP = path.join(APP_ROOT, 'dist', 'src', 'platform', 'child', 'ThreadHeap.js');

// Runs in the new thread: grow the young generation with objects that survive, drop them, reduce.
const PROBE = `
const v8 = require('node:v8');
const { reduceHeap } = require(${JSON.stringify(THREAD_HEAP)});
const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
let kept = [];
for (let i = 0; i < 2e6; i++) { kept.push({ i }); if (kept.length > 2e5) kept = kept.slice(1e5); }
kept = null;
const grown = young();
reduceHeap();
require('node:worker_threads').parentPort.postMessage({ grown, reduced: young() });
`;

test('reducing a thread’s heap shrinks the young generation that allocation grew', async () => {
  const worker = new Worker(PROBE, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 12 } });
  const { grown, reduced } = await new Promise<{ grown: number; reduced: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  expect(grown).toBeGreaterThan(2 * 1024 * 1024);
  expect(reduced).toBeLessThan(grown);
});

describe('HeapReducer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('reduces once the renderer has been quiet for the delay after its last reason', () => {
    const reduce = jest.fn();
    const reducer = new HeapReducer(2000, reduce);
    reducer.schedule();
    jest.advanceTimersByTime(1500);
    reducer.schedule(); // another page loaded: the wait starts again
    jest.advanceTimersByTime(1500);
    expect(reduce).not.toHaveBeenCalled();
    jest.advanceTimersByTime(500);
    expect(reduce).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(10000);
    expect(reduce).toHaveBeenCalledTimes(1);
  });
});

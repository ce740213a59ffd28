/** Shared pieces of the benchmarks: a real browser kernel, waiting on its state, statistics, machine facts. */
import { fork } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { Browser, type BrowserOptions } from '../browser/Browser';
import type { BrowserEvent, TabInfo } from '../common/controlApi';
import { NodeChildLauncher } from '../platform/node/NodeChildLauncher';
export { waitFor } from '../common/waitFor';

export interface Row {
  metric: string;
  unit: string;
  value: number;
  baseline: { what: string; value: number };
}

export interface BenchResult {
  name: string;
  rows: Row[];
}

export async function withBrowser<T>(
  fn: (b: Browser) => Promise<T>,
  options: Omit<BrowserOptions, 'launcher'> = {},
): Promise<T> {
  process.env.MINIUM_CHILD_STDERR ??= 'quiet';
  const browser = new Browser({ launcher: new NodeChildLauncher(), ...options });
  await browser.start();
  try {
    return await fn(browser);
  } finally {
    await browser.shutdown();
  }
}

export function tab(b: Browser, id: number): TabInfo {
  const t = b.listTabs().find((x) => x.id === id);
  if (!t) throw new Error(`tab ${id} is gone`);
  return t;
}

export function nextEvent(b: Browser, match: (e: BrowserEvent) => boolean): Promise<number> {
  return new Promise((resolve) => {
    const off = b.onEvent((e) => {
      if (match(e)) {
        off();
        resolve(performance.now());
      }
    });
  });
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
}

/** Baselines: a bare Node child, once it said hello; `measure` runs on it, and it ends after. */
export async function withBareProcess<T>(measure: (pid: number, startedAt: number) => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const child = fork(path.join(__dirname, 'bareChild.js'), [], { stdio: 'ignore' });
  try {
    await new Promise((r) => child.once('message', r));
    return await measure(child.pid!, started);
  } finally {
    child.kill();
  }
}

/** Baseline: launch a bare Node child and get one message back (what any process costs here). */
export function bareProcessRoundTrip(): Promise<number> {
  return withBareProcess((_pid, started) => performance.now() - started);
}

export function machine(): Record<string, string | number> {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

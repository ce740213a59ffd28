/**
 * What the OS sandbox costs a child: the time to apply seccomp-bpf and Landlock (measured inside
 * the child, around the native call), a renderer's launch-to-ready with the sandbox against the
 * same renderer without it, launched alternately in the same run, and a new site's first
 * presented frame (cold renderer) in a sandboxed browser against one with the sandbox off,
 * opened alternately in the same run.
 */
import * as path from 'node:path';
import { RenderProcessHost } from '../browser/RenderProcessHost';
import { ASSETS_DIR } from '../platform/paths';
import { NodeChildLauncher } from '../platform/node/NodeChildLauncher';
import { serveDemo } from './demoServer';
import { openOnce } from './firstFrame';
import { type BenchResult, bareProcessRoundTrip, median, withBrowser } from './harness';

async function launchToReady(sandbox: boolean): Promise<{ ms: number; applyMicros: number }> {
  const host = new RenderProcessHost('https://bench.example', new NodeChildLauncher(), sandbox);
  const started = performance.now();
  const ready = new Promise<void>((resolve, reject) => {
    host.onReady(() => resolve());
    host.onGone((g) => reject(new Error(`the benchmark renderer ended before ready: ${g.reason}`)));
  });
  host.start();
  await ready;
  const ms = performance.now() - started;
  const applyMicros = host.sandbox?.applyMicros ?? 0;
  await host.shutdown();
  return { ms, applyMicros };
}

export async function sandboxSetup(runs = 7): Promise<BenchResult> {
  process.env.MINIUM_CHILD_STDERR ??= 'quiet';
  const on: number[] = [];
  const off: number[] = [];
  const apply: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    const sandboxed = await launchToReady(true);
    on.push(sandboxed.ms);
    apply.push(sandboxed.applyMicros);
    off.push((await launchToReady(false)).ms);
    bare.push(await bareProcessRoundTrip());
  }
  const frames = await coldFirstFrames(runs);
  if (process.platform === 'linux' && apply.some((us) => us === 0))
    throw new Error('a sandboxed renderer reported no sandbox set-up time: did it sandbox itself?');
  return {
    name: 'sandbox',
    rows: [
      {
        metric: 'apply seccomp-bpf + Landlock in a child (median)',
        unit: 'µs',
        value: median(apply),
        baseline: { what: 'bare Node process launch + first message, in µs', value: median(bare) * 1000 },
      },
      {
        metric: 'renderer launch → ready, sandboxed (median)',
        unit: 'ms',
        value: median(on),
        baseline: { what: 'the same renderer with the sandbox off', value: median(off) },
      },
      {
        metric: 'new site → first presented frame, cold renderer, sandboxed (median)',
        unit: 'ms',
        value: median(frames.on),
        baseline: { what: 'the same page in a browser with the sandbox off', value: median(frames.off) },
      },
    ],
  };
}

/** A new site's first frame, no spare renderer, in two browsers side by side: sandboxed and not. */
async function coldFirstFrames(runs: number): Promise<{ on: number[]; off: number[] }> {
  const server = await serveDemo(path.join(ASSETS_DIR, 'sites', 'orbit.example'));
  const url = `http://127.0.0.1:${server.port}/`;
  const on: number[] = [];
  const off: number[] = [];
  try {
    await withBrowser(
      (sandboxed) =>
        withBrowser(
          async (unsandboxed) => {
            for (let i = 0; i < runs; i++) {
              on.push((await openOnce(sandboxed, url, null)).total);
              off.push((await openOnce(unsandboxed, url, null)).total);
            }
          },
          { spareRenderer: false, sandbox: false },
        ),
      { spareRenderer: false },
    );
  } finally {
    await server.close();
  }
  return { on, off };
}

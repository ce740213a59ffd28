/**
 * What the OS sandbox costs a child: the time to apply seccomp-bpf and Landlock (measured inside
 * the child, around the native call), and a renderer's launch-to-ready with the sandbox against
 * the same renderer without it, launched alternately in the same run.
 */
import { RenderProcessHost } from '../browser/RenderProcessHost';
import { NodeChildLauncher } from '../platform/node/NodeChildLauncher';
import { type BenchResult, bareProcessRoundTrip, median } from './harness';

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
    ],
  };
}

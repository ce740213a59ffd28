/** Time from opening a tab (a new renderer process) to its first frame presented by the GPU process. */
import { type BenchResult, bareProcessRoundTrip, median, tab, waitFor, withBrowser } from './harness';

export async function firstFrame(runs = 5): Promise<BenchResult> {
  const samples: number[] = [];
  const baseline: number[] = [];
  await withBrowser(async (b) => {
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const t = await b.openTab('https://orbit.example/');
      await waitFor(() => tab(b, t.id).framesPresented > 0, 'the first frame');
      samples.push(performance.now() - started);
      await b.closeTab(t.id);
      await waitFor(async () => !(await b.listProcesses()).some((p) => p.role === 'renderer'), 'the renderer to exit');
      baseline.push(await bareProcessRoundTrip());
    }
  });
  return {
    name: 'first-frame',
    rows: [
      {
        metric: 'open tab → first presented frame (median)',
        unit: 'ms',
        value: median(samples),
        baseline: { what: 'bare Node process launch + first message', value: median(baseline) },
      },
    ],
  };
}

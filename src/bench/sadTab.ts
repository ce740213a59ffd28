/**
 * Time from a renderer's death (SIGKILL) to its tab showing as crashed, against the bare cost of
 * noticing a child's death.
 */
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { type BenchResult, median, nextEvent, tab, waitFor, withBrowser } from './harness';

export async function sadTab(runs = 5): Promise<BenchResult> {
  const samples: number[] = [];
  const baseline: number[] = [];
  await withBrowser(async (b) => {
    for (let i = 0; i < runs; i++) {
      const t = await b.openTab('https://news.example/');
      await waitFor(() => tab(b, t.id).framesPresented > 0, 'the first frame');
      const crashed = nextEvent(b, (e) => e.type === 'tab-updated' && e.tab.id === t.id && e.tab.state === 'crashed');
      const killedAt = performance.now();
      process.kill(tab(b, t.id).pid!, 'SIGKILL');
      samples.push((await crashed) - killedAt);
      await b.closeTab(t.id);
    }
  });
  for (let i = 0; i < runs; i++) {
    const child = fork(path.join(__dirname, 'bareChild.js'), [], { stdio: 'ignore' });
    await new Promise((r) => child.once('message', r));
    const exited = new Promise<number>((r) => child.once('exit', () => r(performance.now())));
    const killedAt = performance.now();
    child.kill('SIGKILL');
    baseline.push((await exited) - killedAt);
  }
  return {
    name: 'sad-tab',
    rows: [
      {
        metric: 'renderer SIGKILL → tab crashed (median)',
        unit: 'ms',
        value: median(samples),
        baseline: { what: "bare child SIGKILL → parent's exit event", value: median(baseline) },
      },
    ],
  };
}

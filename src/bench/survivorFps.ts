/** Frames per second of a tab while another site's renderer is killed next to it, against its own rate just before. */
import { type BenchResult, tab, waitFor, withBrowser } from './harness';
import type { Browser } from '../browser/Browser';

async function fps(b: Browser, id: number, ms: number): Promise<number> {
  const before = tab(b, id).framesPresented;
  const started = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  return ((tab(b, id).framesPresented - before) * 1000) / (performance.now() - started);
}

export async function survivorFps(): Promise<BenchResult> {
  return withBrowser(async (b) => {
    const survivor = await b.openTab('https://orbit.example/');
    const victim = await b.openTab('https://news.example/');
    await waitFor(
      () => tab(b, survivor.id).framesPresented > 30 && tab(b, victim.id).framesPresented > 0,
      'both tabs presenting',
    );
    const calm = await fps(b, survivor.id, 2000);
    process.kill(tab(b, victim.id).pid!, 'SIGKILL');
    const during = await fps(b, survivor.id, 2000);
    if (tab(b, victim.id).state !== 'crashed') throw new Error('the killed tab did not crash');
    return {
      name: 'survivor-fps',
      rows: [
        {
          metric: "surviving tab's frame rate in the 2 s after a neighbour's SIGKILL",
          unit: 'fps',
          value: during,
          baseline: { what: 'same tab, the 2 s before', value: calm },
        },
      ],
    };
  });
}

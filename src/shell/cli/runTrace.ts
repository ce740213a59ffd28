/**
 * `minium trace`: a headless browser opens a page, records a trace of every process for N seconds
 * while the page animates and takes a click and a wheel turn every half second (so input flows
 * cross the main and compositor threads), checks the file against the format, and writes it.
 */
import * as fs from 'node:fs';
import { Browser } from '../../browser/Browser';
import { LIMITS } from '../../common/limits';
import type { ChromeTrace } from '../../common/traceFile';
import { checkTraceFile } from '../../common/traceFormatCheck';
import { waitFor } from '../../common/waitFor';
import { NodeChildLauncher } from '../../platform/node/NodeChildLauncher';

export interface TraceOptions {
  seconds: number;
  out: string;
  url: string;
}

const INPUT_EVERY_MS = 500;

export async function runTrace(options: TraceOptions): Promise<void> {
  if (!(options.seconds > 0 && options.seconds <= LIMITS.traceSeconds))
    throw new Error(`--seconds takes 1 to ${LIMITS.traceSeconds}, not ${options.seconds}`);
  const browser = new Browser({ launcher: new NodeChildLauncher() });
  process.once('SIGINT', () => void browser.shutdown().then(() => process.exit(130)));
  try {
    await browser.start();
    const tab = await browser.openTab(options.url);
    await waitFor(() => browser.listTabs().find((t) => t.id === tab.id)!.framesPresented > 0, `${options.url} to draw`);
    process.stderr.write(`Tracing ${options.url} for ${options.seconds} s…\n`);
    const { unacknowledged } = await browser.startTrace();
    if (unacknowledged.length)
      process.stderr.write(
        `Not recording (no answer to the start): ${unacknowledged.map((c) => `${c.role} ${c.pid}`).join(', ')}\n`,
      );
    let turn = 0;
    const input = setInterval(() => {
      const event =
        turn++ % 2 ? { type: 'click' as const, x: 40, y: 40 } : { type: 'wheel' as const, x: 40, y: 40, dx: 0, dy: 40 };
      browser.sendInput(tab.id, event).catch((e: unknown) => process.stderr.write(`input not sent: ${String(e)}\n`));
    }, INPUT_EVERY_MS);
    await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
    clearInterval(input);
    const trace = await browser.stopTrace();
    const problems = checkTraceFile(trace);
    if (problems.length) throw new Error(`the trace is not well formed:\n  ${problems.join('\n  ')}`);
    fs.writeFileSync(options.out, JSON.stringify(trace));
    process.stdout.write(`${summary(trace, options.out)}\n`);
  } finally {
    await browser.shutdown();
  }
}

function summary(trace: ChromeTrace, out: string): string {
  const named = (kind: string) =>
    trace.traceEvents.filter((e) => e.ph === 'M' && e.name === kind).map((e) => String(e.args?.name));
  const timed = trace.traceEvents.filter((e) => e.ph !== 'M');
  const flows = new Set(timed.filter((e) => e.ph === 's').map((e) => `${e.name}${e.id}`));
  return [
    `Wrote ${out}: ${timed.length} events, ${flows.size} flows`,
    `  processes: ${named('process_name').join(', ')}`,
    `  threads:   ${[...new Set(named('thread_name'))].join(', ')}`,
    `  dropped by full rings: ${trace.metadata['minium-dropped-events']}`,
    '  Open it at ui.perfetto.dev, or in Chromium DevTools → Performance → Load profile.',
  ].join('\n');
}

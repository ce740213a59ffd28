/**
 * The web shell: the browser kernel under plain Node (children via child_process.fork), its UI
 * served on 127.0.0.1 to any Chromium-based browser.
 */
import { randomBytes } from 'node:crypto';
import { Browser } from '../../browser/Browser';
import { NodeChildLauncher } from '../../platform/node/NodeChildLauncher';
import { findChromium, hasDisplay, openAppWindow } from './ChromiumWindow';
import { ControlServer } from './ControlServer';

export interface WebShellOptions {
  port: number;
  headless: boolean;
  rasterThreads?: number;
  processLimit?: number;
  sandbox: boolean;
  hangTimeoutMs?: number;
  rendererMemoryBudgetMb?: number;
}

export async function runWebShell(options: WebShellOptions): Promise<void> {
  const token = randomBytes(16).toString('hex');
  const browser = new Browser({
    launcher: new NodeChildLauncher(),
    rasterThreads: options.rasterThreads,
    processLimit: options.processLimit,
    sandbox: options.sandbox,
    hangTimeoutMs: options.hangTimeoutMs,
    rendererMemoryBudgetMb: options.rendererMemoryBudgetMb,
  });
  await browser.start();
  const server = new ControlServer(browser, token);
  const port = await server.listen(options.port);
  const url = `http://127.0.0.1:${port}/?token=${token}`;
  process.stdout.write(`${url}\n`); // first line of stdout, for scripts and tests

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    server.close();
    await browser.shutdown();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  if (options.headless) return;
  const chromium = findChromium();
  if (!hasDisplay() || !chromium) {
    process.stderr.write(
      `Minium: ${!chromium ? 'no Chromium-based browser was found (set MINIUM_CHROMIUM)' : 'no display'}; open ` +
        `the URL above in a Chromium-based browser.\n`,
    );
    return;
  }
  process.stderr.write(`Minium: opening the UI in ${chromium} (--app mode). Close the window to quit.\n`);
  openAppWindow(chromium, url).on('exit', () => void stop(0));
}

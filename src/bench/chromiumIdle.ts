/**
 * Chromium's side of `bench idle-cpu`: Debian's Chromium (headless, a real browser with tabs)
 * opens the same pages, served over HTTP by site (`news.example` stays its own site), one tab
 * each; one is shown, the others are background tabs, hidden as Chromium hides a tab that is
 * not its window's active one; then the CPU of its whole process tree is summed over the window.
 *
 * Driven over the DevTools protocol directly, not through playwright-core: Playwright turns on
 * focus emulation for every page it attaches to, and Chromium then keeps that page visible, so
 * through it no tab is ever in the background (and its default switches turn background
 * throttling off). Here the page is only attached to once, to read its visibility, and detached.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import WebSocket from 'ws';
import { CHROMIUM_PATH } from './chromiumRenderer';
import { serveDemoSites } from './demoServer';
import { type IdleCpu, idleCpuWindows } from './processTreeCpu';

export type ChromiumIdle = { ok: true; cpu: IdleCpu; version: string } | { ok: false; reason: string };

/** Opens `urls` (https://site/path, served locally over http), shows `shown`, settles, measures as Minium's. */
export async function chromiumIdleCpu(
  urls: string[],
  shown: string,
  timing: { settleMs: number; windowMs: number; laterMs: number },
): Promise<ChromiumIdle> {
  if (!fs.existsSync(CHROMIUM_PATH)) return { ok: false, reason: `no Chromium at ${CHROMIUM_PATH}` };
  const server = await serveDemoSites();
  const port = server.port;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'minium-idle-chromium-'));
  const chromium = spawn(
    CHROMIUM_PATH,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--no-default-browser-check',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      `--host-resolver-rules=MAP *.example 127.0.0.1:${port}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  try {
    const cdp = await DevTools.connect(await devToolsUrl(chromium));
    const version = ((await cdp.send('Browser.getVersion')) as { product: string }).product;
    const targets = new Map<string, string>();
    for (const url of urls) {
      const { targetId } = (await cdp.send('Target.createTarget', { url: asServed(url) })) as { targetId: string };
      targets.set(targetId, url);
    }
    // The tab Chromium started with is closed: nine tabs, as in Minium.
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string }[];
    };
    for (const t of targetInfos)
      if (t.type === 'page' && !targets.has(t.targetId)) await cdp.send('Target.closeTarget', { targetId: t.targetId });
    const shownTarget = [...targets].find(([, url]) => url === shown)?.[0];
    if (!shownTarget) throw new Error(`${shown} is not among the pages opened`);
    await cdp.send('Target.activateTarget', { targetId: shownTarget });
    await new Promise((r) => setTimeout(r, timing.settleMs));
    for (const [targetId, url] of targets) {
      const seen = await cdp.evaluateIn(targetId, 'document.readyState + " " + document.visibilityState');
      const want = `complete ${targetId === shownTarget ? 'visible' : 'hidden'}`;
      if (seen !== want) throw new Error(`Chromium's tab ${url} is "${seen}", not "${want}"`);
    }
    const cpu = await idleCpuWindows(chromium.pid!, timing.windowMs, timing.laterMs);
    cdp.close();
    return { ok: true, cpu, version };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  } finally {
    if (chromium.exitCode === null && chromium.signalCode === null) {
      const exited = new Promise((r) => chromium.once('exit', r));
      chromium.kill('SIGKILL');
      await exited; // its profile is written to until it is gone
    }
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Minium's demo URL (https://site/path) as this machine's server answers it. */
function asServed(url: string): string {
  const u = new URL(url);
  return `http://${u.host}${u.pathname}`;
}

function devToolsUrl(chromium: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    let said = '';
    chromium.stderr!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(said);
      if (m) resolve(m[1]);
    });
    chromium.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before DevTools listened: ${said}`)));
  });
}

/** The least of a DevTools protocol client: commands and their answers, flat sessions. */
class DevTools {
  private serial = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string } };
      const w = m.id === undefined ? undefined : this.waiting.get(m.id);
      if (!w) return; // an event: none is asked for
      this.waiting.delete(m.id!);
      if (m.error) w.reject(new Error(`DevTools: ${m.error.message}`));
      else w.resolve(m.result);
    });
  }

  static async connect(url: string): Promise<DevTools> {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    return new DevTools(ws);
  }

  send(method: string, params: object = {}, sessionId?: string): Promise<unknown> {
    const id = ++this.serial;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  /** Attaches to the tab, evaluates, detaches: nothing stays attached while the CPU is measured. */
  async evaluateIn(targetId: string, expression: string): Promise<unknown> {
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as {
      sessionId: string;
    };
    const answer = (await this.send('Runtime.evaluate', { expression, returnByValue: true }, sessionId)) as {
      result: { value?: unknown };
    };
    await this.send('Target.detachFromTarget', { sessionId });
    return answer.result.value;
  }

  close(): void {
    this.ws.close();
  }
}

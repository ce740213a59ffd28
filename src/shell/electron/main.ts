/**
 * The Electron shell: Electron's main process is Minium's browser process. Children are launched
 * with utilityProcess; the UI in renderer/ runs in a sandboxed, context-isolated window and reaches
 * the kernel only through the preload's narrow bridge, checked here.
 */
import * as path from 'node:path';
import { app, BrowserWindow, ipcMain } from 'electron';
import { Browser } from '../../browser/Browser';
import { SHORT_HUNG_RENDERER_DELAY_MS } from '../../browser/RenderProcessHost';
import { invoke, parseCall } from '../../common/controlCalls';
import { describeError } from '../../common/errors';
import { UtilityProcessLauncher } from '../../platform/electron-main/UtilityProcessLauncher';
import { UI_DIR } from '../../platform/paths';
import { playInElectron, scenarioRequest } from './scenarioPlayer';

const UI_PAGE = path.join(UI_DIR, 'index.html');

async function main(): Promise<void> {
  const scenario = scenarioRequest(process.env);
  await app.whenReady();
  const browser = new Browser({
    launcher: new UtilityProcessLauncher(),
    // As the web shell's flag: a stuck page is unresponsive after 5 s instead of Chromium's 15 s.
    hangTimeoutMs: app.commandLine.hasSwitch('short-hang') ? SHORT_HUNG_RENDERER_DELAY_MS : undefined,
  });
  await browser.start();
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Minium',
    webPreferences: {
      preload: path.join(__dirname, 'preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });

  ipcMain.handle('minium:call', async (event, method: unknown, ...args: unknown[]) => {
    // Only our own window's own page may drive the kernel.
    if (event.sender !== win.webContents || !event.senderFrame?.url.startsWith('file://'))
      throw new Error('minium:call from an unexpected sender');
    const call = parseCall(method, args);
    if (!call.ok) throw new Error(call.reason);
    try {
      return await invoke(browser, call);
    } catch (e) {
      throw new Error(describeError(e), { cause: e });
    }
  });
  browser.onEvent((e) => {
    if (!win.isDestroyed()) win.webContents.send('minium:event', e);
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e) => e.preventDefault());

  let quitting = false;
  app.on('before-quit', (e) => {
    if (quitting) return;
    quitting = true;
    e.preventDefault();
    void browser.shutdown().finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
  await win.loadFile(UI_PAGE);
  if (scenario) {
    const code = await playInElectron(browser, win, scenario);
    await browser.shutdown();
    app.exit(code);
  }
}

main().catch((e) => {
  process.stderr.write(`Minium (Electron) failed to start: ${describeError(e)}\n`);
  app.exit(1);
});

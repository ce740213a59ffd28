/**
 * The child's side of its channel to the browser process: process.parentPort under Electron's
 * utilityProcess, process.send under child_process.fork. Also binds the child's life to the
 * parent's: when the browser process dies, by any means, the child exits within a second.
 */
interface ElectronParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export interface ParentChannel {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
}

export function argValue(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

export function connectToParent(): ParentChannel {
  const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  watchParent();
  if (electronPort) {
    return {
      send: (m) => electronPort.postMessage(m),
      onMessage: (l) => electronPort.on('message', (e) => l(e.data)),
    };
  }
  if (!process.send) throw new Error('This is a Minium child process; it must be started by the browser process.');
  process.on('disconnect', () => process.exit(0));
  return {
    send: (m) => {
      if (process.connected) process.send?.(m);
    },
    onMessage: (l) => process.on('message', l),
  };
}

/**
 * The channel closing is the fast signal; polling catches the rest (a SIGKILLed Electron main).
 * The parent may not be our direct parent (Chromium can launch through a helper), so being
 * re-parented, or the browser's PID vanishing, both mean the browser is gone.
 */
function watchParent(): void {
  const browser = Number(argValue('minium-parent-pid'));
  if (!browser) return;
  const firstParent = process.ppid;
  const timer = setInterval(() => {
    try {
      process.kill(browser, 0);
    } catch (e) {
      // EPERM: the browser lives, but the sandbox (Landlock's signal scope) forbids signalling it.
      if ((e as NodeJS.ErrnoException).code !== 'EPERM') process.exit(0);
    }
    if (process.platform !== 'win32' && process.ppid !== firstParent) process.exit(0);
  }, 250);
  timer.unref();
}

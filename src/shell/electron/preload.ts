/**
 * The window's only way to the browser process: one narrow object, `window.minium`, exposed with
 * contextBridge. A sandboxed preload may import nothing but electron, and has no real CommonJS
 * `exports`: the build bundles this file with esbuild into a plain script.
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('minium', {
  call: (method: string, ...args: unknown[]) => ipcRenderer.invoke('minium:call', method, ...args),
  onEvent: (listener: (event: unknown) => void) => {
    ipcRenderer.on('minium:event', (_e, event: unknown) => listener(event));
  },
});

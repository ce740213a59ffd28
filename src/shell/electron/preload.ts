/**
 * The window's only way to the browser process: one narrow object, `window.minium`, exposed with
 * contextBridge (a sandboxed preload may import nothing but electron).
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('minium', {
  call: (method: string, ...args: unknown[]) => ipcRenderer.invoke('minium:call', method, ...args),
  onEvent: (listener: (event: unknown) => void) => {
    ipcRenderer.on('minium:event', (_e, event: unknown) => listener(event));
  },
});

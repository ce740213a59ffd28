/** What the architecture view calls each process role and thread kind, and what each does (DESIGN.md's tables). */

const SHORT_NAMES: Record<string, string> = {
  browser: 'Browser',
  renderer: 'Renderer',
  gpu: 'GPU',
  plugin: 'Plugin',
  network: 'Network service',
};

/** "Renderer process", or "Renderer" where a box is too narrow for more. */
export function roleName(role: string, width = Infinity): string {
  const short = SHORT_NAMES[role] ?? role;
  return width >= 400 ? `${short} process` : short;
}

/** What a renderer thread does, in a few words. */
export const THREAD_DUTIES: Record<string, string> = {
  io: 'IPC with the browser',
  main: 'DOM, style, layout, JS',
  compositor: 'layers, tiles, frames',
  raster: 'tiles → pixels',
  worker: "a page's Worker",
};

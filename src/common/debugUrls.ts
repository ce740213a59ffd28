/**
 * Debug URLs, as Chrome's `chrome://crash` and friends (content/public/common/url_constants.cc):
 * typed in the address bar or opened through the API, each provokes one fault on purpose. Where
 * it is handled follows Chrome: the browser kills (`kill`) or crashes/hangs the GPU process; the
 * tab's renderer does the rest to itself. The window lists them through `listDebugUrls`.
 */
export const DEBUG_URL_KINDS = [
  'crash',
  'kill',
  'hang',
  'shorthang',
  'memory-exhaust',
  'badmessage',
  'gpucrash',
  'gpuhang',
  'sandbox-probe',
  'memory-probe',
] as const;
export type DebugUrlKind = (typeof DEBUG_URL_KINDS)[number];

export interface DebugUrlInfo {
  url: string;
  kind: DebugUrlKind;
  description: string;
}

const DESCRIPTIONS: Record<DebugUrlKind, string> = {
  crash: "The tab's renderer segfaults: its tabs show “Aw, Snap!” (crashed).",
  kill: "The browser kills the tab's renderer (SIGKILL): its tabs show killed.",
  hang: "The page's main thread loops forever: the tab turns unresponsive (Wait / Exit page).",
  shorthang: "The page's main thread blocks for 20 s, then recovers: unresponsive, then responsive again.",
  'memory-exhaust': 'The renderer allocates until it runs out of memory: its tabs show out of memory (oom).',
  badmessage: 'The renderer sends the browser a forged message and is killed for it.',
  gpucrash: 'The GPU process segfaults; the browser restarts it and the tabs draw again.',
  gpuhang: 'The GPU process hangs; the browser notices, kills it and starts another.',
  'sandbox-probe':
    "The tab's renderer tries what its sandbox forbids (a TCP socket, a file outside its code); " +
    'its console says what was refused.',
  'memory-probe':
    "The tab's renderer tries to read another renderer's memory (/proc/<pid>/mem, process_vm_readv, " +
    'its tile pool); its console says what was refused.',
};

export const DEBUG_URLS: DebugUrlInfo[] = DEBUG_URL_KINDS.map((kind) => ({
  url: `minium://${kind}`,
  kind,
  description: DESCRIPTIONS[kind],
}));

/** The debug URL a person typed (`minium://crash`, `minium://crash/`), or null for any other address. */
export function debugUrlKind(input: string): DebugUrlKind | null {
  const m = /^minium:\/\/([a-z-]+)\/?$/i.exec(input.trim());
  if (!m) return null;
  const name = m[1].toLowerCase();
  return (DEBUG_URL_KINDS as readonly string[]).includes(name) ? (name as DebugUrlKind) : null;
}

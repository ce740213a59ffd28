/**
 * Internal pages, as Chrome's `chrome://discards`: the browser's own pages, opened like any
 * address. Unlike a web page no renderer draws one: the window draws it from the control API,
 * as Chrome's WebUI pages talk to the browser process (here through the same API the window
 * uses everywhere). The tab has no process and is live at once.
 */
export const INTERNAL_PAGES = {
  discards: {
    title: 'Discards',
    description:
      'Tab lifecycle, as chrome://discards: which tabs are visible, hidden or discarded; Discard frees a renderer.',
  },
  'process-internals': {
    title: 'Process internals',
    description:
      'As chrome://process-internals: the renderer process limit beside Chromium’s, the isolation mode, ' +
      'which site is locked to which renderer, the spare.',
  },
} as const;
export type InternalPageKind = keyof typeof INTERNAL_PAGES;

/** The internal page an address names (`minium://discards`, `minium://discards/`), or null. */
export function internalPageKind(input: string): InternalPageKind | null {
  const m = /^minium:\/\/([a-z-]+)\/?$/i.exec(input.trim());
  const name = m?.[1].toLowerCase();
  return name && Object.hasOwn(INTERNAL_PAGES, name) ? (name as InternalPageKind) : null;
}

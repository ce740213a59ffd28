/** Tile and surface formats shared by renderers, plugins and the display compositor. */
export const TILE_SIZE = 256;
export const BYTES_PER_PIXEL = 4; // RGBA, 8 bits per channel, not premultiplied
export const TILE_BYTES = TILE_SIZE * TILE_SIZE * BYTES_PER_PIXEL;

/** Default viewport of a tab, in device pixels. */
export const DEFAULT_VIEWPORT = { w: 960, h: 600 };

/** Tile-border colours of the debug overlay, one per raster thread: thread k draws in colour k - 1. */
export const RASTER_THREAD_COLORS = [
  '#e8710a',
  '#1a73e8',
  '#9334e6',
  '#188038',
  '#d01884',
  '#12b5cb',
  '#f9ab00',
  '#5f6368',
];

export function rasterThreadColor(thread: number): string {
  return RASTER_THREAD_COLORS[(thread - 1) % RASTER_THREAD_COLORS.length];
}

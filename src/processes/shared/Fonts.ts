import * as path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { ASSETS_DIR, unpackedPath } from '../../platform/paths';

/**
 * The fonts Minium ships, so text looks the same on every machine. Registered once per thread
 * that draws text with Skia: a renderer's main (measuring), compositor (frame-rate meter) and
 * raster threads, and the plugin process.
 */
export const FONT_FAMILY = 'Minium Sans';
export const MONO_FAMILY = 'Minium Mono';
const FILES: Record<string, string[]> = {
  [FONT_FAMILY]: ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'],
  [MONO_FAMILY]: ['DejaVuSansMono.ttf', 'DejaVuSansMono-Bold.ttf'],
};
let registered = false;

export function registerFonts(): void {
  if (registered) return;
  for (const [family, files] of Object.entries(FILES)) {
    for (const file of files) GlobalFonts.registerFromPath(unpackedPath(path.join(ASSETS_DIR, 'fonts', file)), family);
  }
  registered = true;
}

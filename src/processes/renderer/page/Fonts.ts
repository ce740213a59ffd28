import * as path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { ASSETS_DIR, unpackedPath } from '../../../platform/paths';

/** The fonts Minium ships, so text looks the same on every machine. Registered once per thread. */
export const FONT_FAMILY = 'Minium Sans';
let registered = false;

export function registerFonts(): void {
  if (registered) return;
  for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
    GlobalFonts.registerFromPath(unpackedPath(path.join(ASSETS_DIR, 'fonts', file)), FONT_FAMILY);
  }
  registered = true;
}

export function fontString(size: number, bold: boolean): string {
  return `${bold ? 'bold ' : ''}${size}px "${FONT_FAMILY}"`;
}

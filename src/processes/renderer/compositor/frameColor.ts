/**
 * A colour as it enters a compositor frame: the page's CSS text, made bounded. Skia keeps a
 * colour's text as the page wrote it (`hsla(120.123456, 50.5555%, …)`), which may overstep the
 * protocol's `colorLength`; such a colour is drawn once into a pixel and sent as `#rrggbbaa`, which
 * Skia reads back as the same colour. Short ones are sent as they are, so frames stay readable.
 */
import { createCanvas } from '@napi-rs/canvas';
import { LIMITS } from '../../../common/limits';

let probe: ReturnType<ReturnType<typeof createCanvas>['getContext']> | null = null;

export function frameColor(css: string): string {
  if (css.length <= LIMITS.colorLength) return css;
  probe ??= createCanvas(1, 1).getContext('2d');
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = css;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
  return `#${[r, g, b, a].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

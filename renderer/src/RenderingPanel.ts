/**
 * The Rendering panel, as in Chromium's DevTools: switches the compositor's debug overlays for
 * every tab (tile borders coloured by raster thread, paint flashing, frame-rate meter) and shows
 * which colour is which raster thread.
 */
import type { ControlClient } from './ControlClient';
import type { RenderingOverlays } from '../../src/common/controlApi';
import { rasterThreadColor } from '../../src/common/tiles';

const LABELS: Record<keyof RenderingOverlays, string> = {
  tileBorders: 'Tile borders (colour = raster thread)',
  paintFlashing: 'Paint flashing (green = tile drawn again)',
  fpsMeter: 'Frame-rate meter',
};

export class RenderingPanel {
  private overlays: RenderingOverlays = { tileBorders: false, paintFlashing: false, fpsMeter: false };
  private readonly boxes = new Map<keyof RenderingOverlays, HTMLInputElement>();

  constructor(
    private readonly root: HTMLElement,
    private readonly client: ControlClient,
    private readonly onError: (message: string) => void,
  ) {
    for (const key of Object.keys(LABELS) as (keyof RenderingOverlays)[]) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.dataset.overlay = key;
      box.addEventListener('change', () => void this.set({ ...this.overlays, [key]: box.checked }));
      label.append(box, ` ${LABELS[key]}`);
      root.append(label);
      this.boxes.set(key, box);
    }
    const legend = document.createElement('div');
    legend.className = 'legend';
    for (let k = 1; k <= 4; k++) {
      const swatch = document.createElement('span');
      swatch.style.borderColor = rasterThreadColor(k);
      swatch.textContent = `raster-${k}`;
      legend.append(swatch);
    }
    root.append(legend);
  }

  toggle(): void {
    this.root.hidden = !this.root.hidden;
  }

  /** The browser's overlays changed (from this window or another client). */
  show(overlays: RenderingOverlays): void {
    this.overlays = overlays;
    for (const [key, box] of this.boxes) box.checked = overlays[key];
  }

  private async set(overlays: RenderingOverlays): Promise<void> {
    try {
      this.show(await this.client.setRenderingOverlays(overlays));
    } catch (e) {
      this.onError((e as Error).message);
      this.show(this.overlays);
    }
  }
}

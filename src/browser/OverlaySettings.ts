/**
 * The rendering overlays (tile borders, paint flashing, FPS meter), browser-wide: one
 * OverlaySettings per Browser. Changing them fires `onChanged` with the whole new setting, which
 * the renderers receive and the control API announces.
 */
import type { RenderingOverlays } from '../common/protocol';
import { Emitter } from '../common/Emitter';

export class OverlaySettings {
  private value: RenderingOverlays = { tileBorders: false, paintFlashing: false, fpsMeter: false };
  private readonly changedEmitter = new Emitter<RenderingOverlays>();
  readonly onChanged = this.changedEmitter.event;

  /** A copy: callers cannot change the setting behind the renderers' back. */
  get(): RenderingOverlays {
    return { ...this.value };
  }

  set(overlays: RenderingOverlays): RenderingOverlays {
    this.value = {
      tileBorders: !!overlays.tileBorders,
      paintFlashing: !!overlays.paintFlashing,
      fpsMeter: !!overlays.fpsMeter,
    };
    this.changedEmitter.fire(this.get());
    return this.get();
  }
}

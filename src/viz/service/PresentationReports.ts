/**
 * When the display compositor tells the browser its frame counts and its clients' traffic: every
 * PRESENTATION_REPORT_MS while frames are presented and once after the last, so a still screen
 * costs no report at all. (The process's own thread report carries them too, at its own rate.)
 */
import type { FrameSinkClientStats } from '../../common/protocol';
import type { VizService } from './VizService';

export const PRESENTATION_REPORT_MS = 250;

export interface Presentations {
  surfaces: { surfaceId: string; framesPresented: number }[];
  clients: FrameSinkClientStats[];
}

export function reportPresentationsWhileDrawing(viz: VizService, report: (p: Presentations) => void): () => void {
  let timer: NodeJS.Timeout | null = null;
  const now = () => report({ surfaces: viz.compositor.stats(), clients: viz.clientStats() });
  viz.compositor.onFramePresented(() => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      now();
    }, PRESENTATION_REPORT_MS);
    timer.unref();
  });
  return now;
}

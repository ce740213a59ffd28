/**
 * Records the web shell's window: Chromium sends a JPEG through the DevTools protocol's
 * `Page.startScreencast` whenever the picture changes, stamped with when it was drawn, and the
 * `VideoEncoder` holds each one on a constant 30 fps timeline.
 */
import type { CDPSession, Page } from 'playwright-core';
import { VideoEncoder } from './VideoEncoder';

interface ScreencastFrame {
  data: string;
  sessionId: number;
  /** Seconds since the epoch, when the frame was drawn. */
  metadata: { timestamp?: number };
}

export class ScreencastRecorder {
  private constructor(
    private readonly cdp: CDPSession,
    readonly encoder: VideoEncoder,
  ) {}

  static async start(page: Page, file: string, size: { width: number; height: number }): Promise<ScreencastRecorder> {
    const encoder = new VideoEncoder(file);
    const cdp = await page.context().newCDPSession(page);
    cdp.on('Page.screencastFrame', (f: ScreencastFrame) => {
      // Unacknowledged, Chromium stops sending; a failed ack only means the page is closing.
      void cdp.send('Page.screencastFrameAck', { sessionId: f.sessionId }).catch(() => undefined);
      encoder.picture(Buffer.from(f.data, 'base64'), f.metadata.timestamp ?? Date.now() / 1000);
    });
    await cdp.send('Page.startScreencast', {
      format: 'jpeg',
      quality: 85,
      maxWidth: size.width,
      maxHeight: size.height,
      everyNthFrame: 1,
    });
    return new ScreencastRecorder(cdp, encoder);
  }

  async stop(): Promise<{ file: string; frames: number; seconds: number }> {
    await this.cdp.send('Page.stopScreencast');
    const video = await this.encoder.finish(Date.now() / 1000);
    await this.cdp.detach();
    return video;
  }
}

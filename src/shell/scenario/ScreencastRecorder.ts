/**
 * Records the window as a video: Chromium sends a JPEG through the DevTools protocol's
 * `Page.startScreencast` whenever the picture changes; each frame is held until the next one
 * on a constant 30 fps timeline (the frames' own timestamps place them) and piped to Debian's
 * ffmpeg, which encodes H.264 in MP4 or VP9 in WebM.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';

export const RECORDING_FPS = 30;

interface ScreencastFrame {
  data: string;
  sessionId: number;
  metadata: { timestamp?: number };
}

/** ffmpeg's arguments for the file's container: H.264 for .mp4, VP9 for .webm. */
function encoderArgs(file: string): string[] {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.mp4') return ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-movflags', '+faststart'];
  if (ext === '.webm')
    return ['-c:v', 'libvpx-vp9', '-b:v', '0', '-crf', '36', '-deadline', 'realtime', '-cpu-used', '8'];
  throw new Error(`A recording is an .mp4 (H.264) or a .webm (VP9) file, not "${path.basename(file)}"`);
}

export function checkFfmpeg(): void {
  const probe = spawnSync('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore' });
  if (probe.error)
    throw new Error(
      `Recording needs ffmpeg, which was not found (${probe.error.message}): install Debian's "ffmpeg" package (apt-get install ffmpeg)`,
    );
}

export class ScreencastRecorder {
  private readonly ffmpeg: ChildProcess;
  private readonly exited: Promise<void>;
  private stderr = '';
  private last: Buffer | null = null;
  private startSeconds: number | null = null;
  /** Frames written so far: the next slot on the 30 fps timeline. */
  framesWritten = 0;

  private constructor(
    private readonly cdp: CDPSession,
    readonly file: string,
  ) {
    this.ffmpeg = spawn(
      'ffmpeg',
      [
        '-hide_banner',
        '-loglevel',
        'error',
        '-y',
        '-f',
        'image2pipe',
        '-c:v',
        'mjpeg',
        '-framerate',
        String(RECORDING_FPS),
        '-i',
        '-',
        ...encoderArgs(file),
        // H.264 and VP9 in yuv420p want even sides.
        '-vf',
        'scale=trunc(iw/2)*2:trunc(ih/2)*2',
        '-pix_fmt',
        'yuv420p',
        '-r',
        String(RECORDING_FPS),
        file,
      ],
      { stdio: ['pipe', 'ignore', 'pipe'] },
    );
    this.ffmpeg.stderr?.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-4000)));
    this.ffmpeg.stdin?.on('error', () => undefined); // an early ffmpeg exit is reported by `exited`
    this.exited = new Promise((resolve, reject) =>
      this.ffmpeg.once('exit', (code, signal) =>
        code === 0
          ? resolve()
          : reject(new Error(`ffmpeg failed (${signal ?? `exit ${code}`}) on ${file}: ${this.stderr.trim()}`)),
      ),
    );
    this.exited.catch(() => undefined); // awaited in stop()
  }

  static async start(page: Page, file: string, size: { width: number; height: number }): Promise<ScreencastRecorder> {
    encoderArgs(file);
    checkFfmpeg();
    const cdp = await page.context().newCDPSession(page);
    const recorder = new ScreencastRecorder(cdp, file);
    cdp.on('Page.screencastFrame', (f: ScreencastFrame) => {
      void cdp.send('Page.screencastFrameAck', { sessionId: f.sessionId }).catch(() => undefined);
      recorder.frame(Buffer.from(f.data, 'base64'), f.metadata.timestamp ?? Date.now() / 1000);
    });
    await cdp.send('Page.startScreencast', {
      format: 'jpeg',
      quality: 85,
      maxWidth: size.width,
      maxHeight: size.height,
      everyNthFrame: 1,
    });
    return recorder;
  }

  /** Seconds of video so far. */
  get seconds(): number {
    return this.framesWritten / RECORDING_FPS;
  }

  /** A new picture at `atSeconds`: the previous one fills the timeline up to it. */
  private frame(jpeg: Buffer, atSeconds: number): void {
    this.startSeconds ??= atSeconds;
    this.holdUntil(atSeconds);
    this.last = jpeg;
  }

  /** Repeats the last picture up to the slot of `atSeconds` (Chromium sends frames only on change). */
  private holdUntil(atSeconds: number): void {
    if (this.last === null || this.startSeconds === null) return;
    const slot = Math.round((atSeconds - this.startSeconds) * RECORDING_FPS);
    for (; this.framesWritten < slot; this.framesWritten++) this.ffmpeg.stdin?.write(this.last);
  }

  async stop(): Promise<{ file: string; frames: number; seconds: number }> {
    await this.cdp.send('Page.stopScreencast').catch(() => undefined);
    if (this.last === null) throw new Error('The window sent no frame to record');
    // The last picture lasts until now, and at least one frame.
    this.holdUntil(Date.now() / 1000);
    if (this.framesWritten === 0) {
      this.ffmpeg.stdin?.write(this.last);
      this.framesWritten = 1;
    }
    this.ffmpeg.stdin?.end();
    await this.exited;
    await this.cdp.detach().catch(() => undefined);
    return { file: this.file, frames: this.framesWritten, seconds: this.seconds };
  }
}

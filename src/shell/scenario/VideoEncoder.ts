/**
 * Turns pictures that arrive only when the window changes into a constant 30 fps video: each
 * picture is held until the next one's timestamp places it, and the JPEGs are piped to Debian's
 * ffmpeg, which encodes H.264 in MP4 or VP9 in WebM. The picture sources are Chromium's
 * `Page.startScreencast` (`ScreencastRecorder`) and Electron's frame subscription.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

export const RECORDING_FPS = 30;

/** ffmpeg's arguments for the file's container: H.264 for .mp4, VP9 for .webm. */
function encoderArgs(file: string): string[] {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.mp4') return ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-movflags', '+faststart'];
  if (ext === '.webm')
    return ['-c:v', 'libvpx-vp9', '-b:v', '0', '-crf', '36', '-deadline', 'realtime', '-cpu-used', '8'];
  throw new Error(`A recording is an .mp4 (H.264) or a .webm (VP9) file, not "${path.basename(file)}"`);
}

/** Refuses, before anything starts, a file type we cannot encode or a machine without ffmpeg. */
export function checkRecording(file: string): void {
  encoderArgs(file);
  const probe = spawnSync('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore' });
  if (probe.error)
    throw new Error(
      `Recording needs ffmpeg, which was not found (${probe.error.message}): ` +
        'install Debian\'s "ffmpeg" package (apt-get install ffmpeg)',
    );
}

export class VideoEncoder {
  private readonly ffmpeg: ChildProcess;
  private readonly exited: Promise<void>;
  private stderr = '';
  private last: Buffer | null = null;
  private startSeconds: number | null = null;
  /** Frames written so far: the next slot on the 30 fps timeline. */
  framesWritten = 0;

  constructor(readonly file: string) {
    checkRecording(file);
    const input = ['-f', 'image2pipe', '-c:v', 'mjpeg', '-framerate', String(RECORDING_FPS), '-i', '-'];
    // H.264 and VP9 in yuv420p want even sides.
    const output = ['-vf', 'scale=trunc(iw/2)*2:trunc(ih/2)*2', '-pix_fmt', 'yuv420p', '-r', String(RECORDING_FPS)];
    this.ffmpeg = spawn(
      'ffmpeg',
      ['-hide_banner', '-loglevel', 'error', '-y', ...input, ...encoderArgs(file), ...output, file],
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
    this.exited.catch(() => undefined); // awaited in finish()
  }

  /** Seconds of video so far. */
  get seconds(): number {
    return this.framesWritten / RECORDING_FPS;
  }

  /**
   * A new picture at `atSeconds` (any clock, the same for every picture): the previous one fills
   * the timeline up to it.
   */
  picture(jpeg: Buffer, atSeconds: number): void {
    this.startSeconds ??= atSeconds;
    this.holdUntil(atSeconds);
    this.last = jpeg;
  }

  /** Ends the video at `atSeconds` (the last picture lasts until then) and waits for ffmpeg. */
  async finish(atSeconds: number): Promise<{ file: string; frames: number; seconds: number }> {
    if (this.last === null) {
      this.ffmpeg.kill();
      throw new Error('The window sent no picture to record');
    }
    this.holdUntil(atSeconds);
    if (this.framesWritten === 0) {
      this.ffmpeg.stdin?.write(this.last);
      this.framesWritten = 1;
    }
    this.ffmpeg.stdin?.end();
    await this.exited;
    return { file: this.file, frames: this.framesWritten, seconds: this.seconds };
  }

  /** Repeats the last picture up to the slot of `atSeconds` (pictures come only on change). */
  private holdUntil(atSeconds: number): void {
    if (this.last === null || this.startSeconds === null) return;
    const slot = Math.round((atSeconds - this.startSeconds) * RECORDING_FPS);
    for (; this.framesWritten < slot; this.framesWritten++) this.ffmpeg.stdin?.write(this.last);
  }
}

/**
 * `minium scenario run --record`: a real video of the window, checked with Debian's ffprobe
 * (codec, size, 30 fps, a duration within the run's, a frame count to match) and one of its
 * frames extracted as a PNG by ffmpeg, where a demo's known colour must be at a known place.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { chromiumMissing } from '../e2e/chromium';

const CLI = path.join(__dirname, '../../src/shell/cli/main.js');
const SCENARIO = path.join(__dirname, '../../../test/fixtures/scenarios/recording.scenario');
// The window is filmed in Chromium, encoded by ffmpeg: without either the test is skipped, saying why.
const noFfmpeg = spawnSync('ffprobe', ['-version']).error ? 'no ffmpeg/ffprobe (apt-get install ffmpeg)' : null;
if (noFfmpeg) process.stdout.write(`SKIPPED recording test: ${noFfmpeg}\n`);
const missing = noFfmpeg ?? chromiumMissing('recording test (the window is filmed in Chromium)');

/** orbit.example's background (#0b1021), in the window below its moving layers. */
const ORBIT_BACKGROUND = [0x0b, 0x10, 0x21];
const BACKGROUND_AT = { x: 850, y: 600 };

(missing ? test.skip : test)(
  'records the window at 30 fps into an H.264 MP4 whose frames show the page',
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minium-recording-'));
    const video = path.join(dir, 'check.mp4');
    const started = Date.now();
    const run = spawn(process.execPath, [CLI, 'scenario', 'run', SCENARIO, '--headless', '--record', video], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MINIUM_CHILD_STDERR: 'quiet' },
    });
    let stdout = '';
    let stderr = '';
    run.stdout.on('data', (d: Buffer) => (stdout += d));
    run.stderr.on('data', (d: Buffer) => (stderr += d));
    const status = await new Promise<number | null>((resolve) => run.once('exit', resolve));
    const wallSeconds = (Date.now() - started) / 1000;
    expect({ status, stdout }).toMatchObject({ status: 0, stdout: expect.stringMatching(/1\/1 expectations held/) });
    expect(stderr).toMatch(/recording .*check\.mp4: step \d+\/7/); // the progress line
    expect(stderr).toMatch(/recorded .*check\.mp4: \d+ frames/);

    const probe = spawnSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-count_frames',
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=codec_name,width,height,avg_frame_rate,nb_read_frames:format=duration',
        '-of',
        'json',
        video,
      ],
      { encoding: 'utf8' },
    );
    const info = JSON.parse(probe.stdout) as {
      streams: { codec_name: string; width: number; height: number; avg_frame_rate: string; nb_read_frames: string }[];
      format: { duration: string };
    };
    const [stream] = info.streams;
    const duration = Number(info.format.duration);
    expect(stream).toMatchObject({ codec_name: 'h264', width: 1280, height: 800, avg_frame_rate: '30/1' });
    // At least the scenario's caption and pause (2.5 s), at most the whole run.
    expect(duration).toBeGreaterThanOrEqual(2.5);
    expect(duration).toBeLessThanOrEqual(wallSeconds);
    expect(Math.abs(Number(stream.nb_read_frames) - duration * 30)).toBeLessThanOrEqual(1);

    // The last frame, after `pause 1.5`: orbit's background where nothing moves.
    const png = path.join(dir, 'last.png');
    const extract = spawnSync('ffmpeg', ['-v', 'error', '-y', '-sseof', '-0.4', '-i', video, '-frames:v', '1', png]);
    expect(extract.status).toBe(0);
    const image = await loadImage(fs.readFileSync(png));
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const [r, g, b] = ctx.getImageData(BACKGROUND_AT.x, BACKGROUND_AT.y, 1, 1).data;
    const off = Math.max(...[r, g, b].map((v, i) => Math.abs(v - ORBIT_BACKGROUND[i])));
    expect({ pixel: [r, g, b], off: off <= 12 }).toEqual({ pixel: [r, g, b], off: true });
    fs.rmSync(dir, { recursive: true, force: true });
  },
  240000,
);

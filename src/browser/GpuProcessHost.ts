import { type BrowserToGpu, GpuToBrowser } from '../common/protocol';
import type { ChildLauncher } from '../platform/ChildProcess';
import { ChildProcessHost } from './ChildProcessHost';

/**
 * Silence after which the GPU watchdog ends the GPU process: Chromium's kGpuWatchdogTimeout on
 * Linux (30 s on Windows, 25 s on macOS).
 */
export const GPU_WATCHDOG_MS = 15_000;

/** The browser side of the GPU process. */
export class GpuProcessHost extends ChildProcessHost<GpuToBrowser, BrowserToGpu> {
  constructor(launcher: ChildLauncher, sandbox: boolean) {
    super({
      role: 'gpu',
      title: 'GPU Process',
      entry: 'processes/gpu/main.js',
      extraArgs: [],
      schema: GpuToBrowser,
      launcher,
      sandbox,
      hangTimeoutMs: GPU_WATCHDOG_MS,
    });
  }
}

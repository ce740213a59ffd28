import { type BrowserToGpu, GpuToBrowser } from '../common/protocol';
import type { ChildLauncher } from '../platform/ChildProcess';
import { ChildProcessHost } from './ChildProcessHost';

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
    });
  }
}

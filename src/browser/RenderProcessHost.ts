import { randomBytes } from 'node:crypto';
import { type BrowserToRenderer, RendererToBrowser } from '../common/protocol';
import type { ChildLauncher } from '../platform/ChildProcess';
import { ChildProcessHost } from './ChildProcessHost';

/** The browser side of one renderer process, locked to one site. */
export class RenderProcessHost extends ChildProcessHost<RendererToBrowser, BrowserToRenderer> {
  /** Ids of the tabs it draws, kept by RendererRegistry. */
  readonly tabs = new Set<number>();
  /** Frame sink token: lets this renderer's compositor submit its tabs' surfaces, nothing else. */
  readonly token = randomBytes(16).toString('hex');

  constructor(
    readonly site: string,
    launcher: ChildLauncher,
    sandbox: boolean,
  ) {
    super({
      role: 'renderer',
      title: `Renderer: ${site}`,
      entry: 'processes/renderer/main.js',
      extraArgs: [`--minium-site=${site}`],
      schema: RendererToBrowser,
      launcher,
      sandbox,
      maxHeapMb: 512,
    });
  }
}

import { randomBytes } from 'node:crypto';
import { type BrowserToPlugin, PluginToBrowser } from '../common/protocol';
import type { ChildLauncher } from '../platform/ChildProcess';
import { ChildProcessHost } from './ChildProcessHost';

/** The browser side of one plugin process: one per plugin type. */
export class PluginProcessHost extends ChildProcessHost<PluginToBrowser, BrowserToPlugin> {
  readonly token = randomBytes(16).toString('hex');
  /** Ids of the instances it runs, kept by PluginService. */
  readonly instances = new Set<number>();

  constructor(
    readonly mimeType: string,
    readonly pluginName: string,
    launcher: ChildLauncher,
    sandbox: boolean,
  ) {
    super({
      role: 'plugin',
      title: `Plugin: ${pluginName}`,
      entry: 'processes/plugin/main.js',
      extraArgs: [`--minium-plugin=${mimeType}`],
      schema: PluginToBrowser,
      launcher,
      sandbox,
    });
  }
}

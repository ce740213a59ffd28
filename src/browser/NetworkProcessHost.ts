import { type BrowserToNetwork, NetworkToBrowser } from '../common/protocol';
import type { ChildLauncher } from '../platform/ChildProcess';
import { ChildProcessHost } from './ChildProcessHost';

/** The browser side of the network service: one utility process at a time, started by NetworkService. */
export class NetworkProcessHost extends ChildProcessHost<NetworkToBrowser, BrowserToNetwork> {
  constructor(launcher: ChildLauncher, sandbox: boolean) {
    super({
      role: 'network',
      // As Chrome's Task Manager names it.
      title: 'Utility: Network Service',
      entry: 'processes/network/main.js',
      extraArgs: [],
      schema: NetworkToBrowser,
      launcher,
      sandbox,
      network: true,
    });
  }
}

/**
 * The display compositor with its two endpoints: the frame sink socket (clients submit frames)
 * and the display WebSocket (windows show surfaces). Hosted by the GPU process's
 * VizCompositorThread, or by the browser process itself after too many GPU crashes.
 */
import type { BrowserToGpu, FrameSinkClientStats } from '../../common/protocol';
import { DisplayCompositor } from './DisplayCompositor';
import { DisplayServer } from './DisplayServer';
import { FrameSinkServer } from './FrameSinkServer';
import type { VizSockets } from './VizSockets';

export class VizService {
  readonly compositor = new DisplayCompositor();
  private readonly sinks: FrameSinkServer;
  private readonly display: DisplayServer;

  /**
   * Without a display token, windows are refused until `authorizeDisplay`. With `sockets` (opened
   * ahead, `openVizSockets`), the display listens on them instead of opening its own.
   */
  constructor(
    owner: string,
    displayToken: string | null,
    log: (message: string) => void,
    sockets: VizSockets | null = null,
  ) {
    this.sinks = new FrameSinkServer(this.compositor, owner, log);
    this.display = new DisplayServer(this.compositor, displayToken, sockets?.display ?? null);
  }

  authorizeDisplay(token: string): void {
    this.display.authorize(token);
  }

  async start(): Promise<{ frameSinkAddress: string; displayPort: number }> {
    await this.sinks.listen();
    return { frameSinkAddress: this.sinks.address, displayPort: await this.display.ready() };
  }

  handle(
    m: Exclude<BrowserToGpu, { type: 'init' | 'shutdown' | 'debug' | 'trace-start' | 'trace-stop' | 'report-rate' }>,
  ): void {
    if (m.type === 'authorize-client') this.sinks.authorize(m.token, m.pid, m.surfaces, m.embeds);
    else if (m.type === 'revoke-client') this.sinks.revoke(m.token);
    else this.compositor.drop(m.surfaceId);
  }

  /** Each frame sink client's tile pools and traffic. */
  clientStats(): FrameSinkClientStats[] {
    return this.sinks.clientStats();
  }

  close(): void {
    this.sinks.close();
    this.display.close();
    this.compositor.dispose();
  }
}

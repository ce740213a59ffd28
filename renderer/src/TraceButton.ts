/**
 * The toolbar's *Record trace* button: the first click starts a trace of every process, the
 * second stops it and saves the file (Chrome's JSON Trace Event Format) for Perfetto or DevTools'
 * Performance panel.
 */
import type { ControlClient } from './ControlClient';

export class TraceButton {
  private recording = false;

  constructor(
    private readonly button: HTMLButtonElement,
    private readonly client: ControlClient,
    private readonly failed: (message: string) => void,
  ) {
    button.addEventListener('click', () => void this.toggle());
  }

  private async toggle(): Promise<void> {
    this.button.disabled = true;
    try {
      if (this.recording) await this.stop();
      else await this.start();
      this.recording = !this.recording;
    } catch (e) {
      this.failed(`Trace: ${(e as Error).message}`);
    } finally {
      this.button.disabled = false;
      this.button.textContent = this.recording ? '■ Stop trace' : 'Record trace';
      this.button.classList.toggle('recording', this.recording);
    }
  }

  /** Recording begins once every child said it records; one that did not answer is named, its part may be missing. */
  private async start(): Promise<void> {
    const { unacknowledged } = await this.client.startTrace();
    if (unacknowledged.length)
      this.failed(
        `Trace: recording, but ${unacknowledged.map((c) => `${c.role} ${c.pid}`).join(', ')} did not answer the start`,
      );
  }

  private async stop(): Promise<void> {
    const trace = await this.client.stopTrace();
    const url = URL.createObjectURL(new Blob([JSON.stringify(trace)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `minium-trace-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

import { Emitter } from '../common/Emitter';
import { FramingError, MessageDecoder } from './MessageFraming';

/**
 * The receiving end of one framed channel: a socket's chunks, as they arrive (fd 3 under the Node
 * launcher, the connect-back socket under Electron). Anything that is not bytes, or bytes that do
 * not decode, ends the channel: the stream cannot be trusted to resynchronise.
 * One per channel direction, for the channel's life; used by both launchers and by the child.
 */
export class FrameReader {
  private readonly decoder: MessageDecoder;
  private broken = false;
  private readonly messageEmitter = new Emitter<object>();
  private readonly corruptEmitter = new Emitter<string>();
  /** Each decoded message, in order; not yet validated against a schema. */
  readonly onMessage = this.messageEmitter.event;
  /** Fired once, with a reason a person can read; nothing is read after it. */
  readonly onCorrupt = this.corruptEmitter.event;

  constructor(limit: number) {
    this.decoder = new MessageDecoder(limit);
  }

  read(data: unknown): void {
    if (this.broken) return;
    if (!(data instanceof Uint8Array)) return this.fail(`sent ${describe(data)} where framed bytes were expected`);
    let messages: object[];
    try {
      messages = this.decoder.push(data);
    } catch (e) {
      if (!(e instanceof FramingError)) throw e;
      return this.fail(e.message);
    }
    for (const m of messages) this.messageEmitter.fire(m);
  }

  private fail(reason: string): void {
    this.broken = true;
    this.corruptEmitter.fire(reason);
  }
}

function describe(data: unknown): string {
  if (data === null) return 'null';
  if (typeof data === 'object') return `an object (${Object.prototype.toString.call(data)})`;
  return `a ${typeof data}`;
}

/**
 * One direction of a POSIX message queue, for messages of any size: the kernel keeps whole
 * messages of at most 8 KiB (Linux's default limit), so larger ones travel as chunks, each
 * saying whether it is the last.
 */
import { native } from '../../platform/native';

export const MQ_MESSAGE_SIZE = 8192;
export const MQ_DEPTH = 10; // Linux's default /proc/sys/fs/mqueue/msg_max
const CHUNK = MQ_MESSAGE_SIZE - 2;

export class MqChannel {
  private constructor(private readonly handle: object) {}

  static create(name: string): MqChannel {
    const n = native();
    if (!n.mqOpen)
      throw new Error('POSIX message queues are not available on this system (Linux has them; macOS does not)');
    return new MqChannel(n.mqOpen(name, true, MQ_DEPTH, MQ_MESSAGE_SIZE));
  }

  static open(name: string): MqChannel {
    return new MqChannel(native().mqOpen!(name, false, 0, 0));
  }

  static unlink(name: string): void {
    native().mqUnlink?.(name);
  }

  /** Sends a message as chunks; `wait` blocks for one chunk at most sliceMs and says whether to go on. */
  send(kind: number, body: Uint8Array, sliceMs: number, stillThere: () => void): void {
    for (let at = 0; at === 0 || at < body.length; at += CHUNK) {
      const part = body.subarray(at, at + CHUNK);
      const chunk = Buffer.allocUnsafe(part.length + 2);
      chunk[0] = kind;
      chunk[1] = at + CHUNK >= body.length ? 1 : 0;
      chunk.set(part, 2);
      while (!native().mqSend!(this.handle, chunk, sliceMs)) stillThere();
    }
  }

  /** Receives a whole message, or null if nothing began to arrive within sliceMs. */
  receive(sliceMs: number, stillThere: () => void): { kind: number; body: Buffer } | null {
    const parts: Buffer[] = [];
    for (;;) {
      const chunk = native().mqReceive!(this.handle, sliceMs);
      if (!chunk) {
        if (parts.length === 0) return null;
        stillThere();
        continue;
      }
      parts.push(chunk.subarray(2));
      if (chunk[1] === 1) return { kind: chunk[0], body: parts.length === 1 ? parts[0] : Buffer.concat(parts) };
    }
  }
}

/**
 * The browser's end of the connect-back channel. Electron's utilityProcess cannot hand a child an
 * extra descriptor, so the child connects back instead: to a Unix socket in a private directory
 * (mode 0700), presenting the one-time token the browser put on its argv as its first frame. The
 * matched connection becomes that child's channel, a byte stream like fd 3 under the Node launcher,
 * so the same FrameReader checks each frame's length before anything is allocated. Whatever else
 * connects (a wrong or reused token, an oversized or late first frame) is closed unread.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { LIMITS } from '../common/limits';
import { ChannelToken } from '../common/protocol';
import { CHANNEL_PATH_ARG, CHANNEL_TOKEN_ARG } from './ChildProcess';
import { FramingError, MessageDecoder } from './MessageFraming';

const HEADER_BYTES = 4;

/** Where a matched child's channel goes: its socket, and any bytes it sent right after the token. */
export type ChannelConnected = (socket: net.Socket, rest: Buffer) => void;

export interface ExpectedChild {
  /** For the child's argv: where to connect, and the token to present. */
  args: string[];
  /** The child is gone before it connected: its token is void. */
  cancel(): void;
}

export class ChildChannelServer {
  private listener: { server: net.Server; dir: string; socketPath: string } | null = null;
  private readonly expected = new Map<string, ChannelConnected>();
  private handshaking = 0;
  private readonly closeOnExit = () => this.close();

  /** A one-time token for one child; `connected` gets its socket once it presents it. */
  expect(connected: ChannelConnected): ExpectedChild {
    const { socketPath } = this.listen();
    const token = randomBytes(16).toString('hex');
    this.expected.set(token, connected);
    return {
      args: [`--${CHANNEL_PATH_ARG}=${socketPath}`, `--${CHANNEL_TOKEN_ARG}=${token}`],
      cancel: () => this.expected.delete(token),
    };
  }

  /** Stops listening and removes the socket and its directory; channels already matched live on. */
  close(): void {
    if (!this.listener) return;
    this.listener.server.close();
    process.removeListener('exit', this.closeOnExit);
    fs.rmSync(this.listener.dir, { recursive: true, force: true });
    this.listener = null;
  }

  private listen(): { socketPath: string } {
    if (this.listener) return this.listener;
    // mkdtemp creates the directory 0700: only this user can reach the socket at all.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minium-channel-'));
    const socketPath = path.join(dir, 'c');
    const server = net.createServer((socket) => this.accept(socket));
    server.on('error', (err) => process.stderr.write(`[browser] channel listener ${socketPath}: ${err.message}\n`));
    // Binds at once (the child may be launched right after); never keeps the browser alive.
    server.listen(socketPath);
    server.unref();
    process.once('exit', this.closeOnExit);
    this.listener = { server, dir, socketPath };
    return this.listener;
  }

  private accept(socket: net.Socket): void {
    if (this.handshaking >= LIMITS.channelHandshakesPending) return void socket.destroy();
    this.handshaking++;
    let received = Buffer.alloc(0);
    let pending = true;
    const done = () => {
      if (!pending) return;
      pending = false;
      this.handshaking--;
      clearTimeout(timer);
      socket.removeListener('data', onData);
      socket.removeListener('close', done);
      socket.removeListener('error', done);
    };
    const refuse = (reason: string) => {
      done();
      process.stderr.write(`[browser] refused a channel connection: ${reason}\n`);
      socket.destroy();
    };
    const timer = setTimeout(
      () => refuse(`no token within ${LIMITS.channelHandshakeMs} ms`),
      LIMITS.channelHandshakeMs,
    );
    timer.unref();
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < HEADER_BYTES) return;
      const length = received.readUInt32BE(0);
      if (length > LIMITS.channelTokenFrameBytes)
        return refuse(`a first frame of ${length} bytes exceeds the ${LIMITS.channelTokenFrameBytes}-byte limit`);
      if (received.length < HEADER_BYTES + length) return;
      const token = this.tokenOf(received.subarray(0, HEADER_BYTES + length));
      if (typeof token !== 'string') return refuse(token.reason);
      const connected = this.expected.get(token);
      if (!connected) return refuse('an unknown or already used token');
      this.expected.delete(token);
      // Paused, so nothing that follows is lost before the channel takes the socket over.
      socket.pause();
      done();
      connected(socket, received.subarray(HEADER_BYTES + length));
    };
    socket.on('data', onData);
    // A peer that hangs up or resets mid-handshake has simply gone; its socket is already closing.
    socket.on('close', done);
    socket.on('error', done);
  }

  private tokenOf(frame: Buffer): string | { reason: string } {
    let messages: object[];
    try {
      messages = new MessageDecoder(LIMITS.channelTokenFrameBytes).push(frame);
    } catch (e) {
      if (!(e instanceof FramingError)) throw e;
      return { reason: e.message };
    }
    const parsed = ChannelToken.safeParse(messages[0]);
    return parsed.success ? parsed.data.token : { reason: 'a first frame that is not a channel token' };
  }
}

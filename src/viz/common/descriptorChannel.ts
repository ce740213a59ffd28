/**
 * The frame sink's descriptor channel: next to each client's message socket, a second Unix
 * connection that carries only file descriptors — the memfds of its tile pools, one per byte
 * (SCM_RIGHTS), as Mojo carries shared-memory regions. Node's `net` cannot pass descriptors, so
 * the addon calls sendmsg/recvmsg on the socket's own descriptor; the server accepts these
 * connections paused, so libuv never reads one and no descriptor is lost to a plain read.
 *
 * Pairing: on connecting, a client is sent a random key on this channel and names it in the
 * hello of its message socket. A descriptor is announced on the message socket only after
 * sendmsg passed it, so the server finds it waiting when it reads the announcement.
 */
import type * as net from 'node:net';

/** Hex characters of the key that pairs a descriptor channel with its message socket. */
export const CHANNEL_KEY_LENGTH = 32;

export function descriptorChannelAddress(frameSinkAddress: string): string {
  return `${frameSinkAddress}.fds`;
}

/** The socket's own descriptor, for the addon's sendmsg/recvmsg (libuv keeps it on the handle). */
export function socketDescriptor(socket: net.Socket): number {
  const fd = (socket as unknown as { _handle?: { fd?: unknown } })._handle?.fd;
  if (typeof fd !== 'number' || fd < 0)
    throw new Error('the descriptor channel has no socket descriptor (it is closed, or not a Unix socket)');
  return fd;
}

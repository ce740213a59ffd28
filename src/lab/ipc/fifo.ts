/**
 * FIFO ends as non-blocking sockets. A blocking open() of a FIFO waits for the other side and
 * ties up one of libuv's few threadpool threads; if the other side never comes, the process
 * cannot even exit. So: each side opens its reading end read-write (it never blocks, and never
 * sees end-of-file while it lives) and its writing end write-only, retried until a reader exists.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';

const { O_RDWR, O_WRONLY, O_NONBLOCK } = fs.constants;

export function openFifoReader(path: string): net.Socket {
  return new net.Socket({ fd: fs.openSync(path, O_RDWR | O_NONBLOCK), readable: true, writable: false });
}

export async function openFifoWriter(path: string, timeoutMs = 5000): Promise<net.Socket> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return new net.Socket({ fd: fs.openSync(path, O_WRONLY | O_NONBLOCK), readable: false, writable: true });
    } catch (e) {
      // ENXIO: nobody has the FIFO open for reading yet.
      if ((e as NodeJS.ErrnoException).code !== 'ENXIO' || Date.now() > deadline)
        throw new Error(`fifo: could not open ${path} for writing: ${(e as Error).message}`, { cause: e });
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

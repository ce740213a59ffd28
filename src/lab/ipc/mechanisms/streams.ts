/**
 * Byte-stream mechanisms between two processes: an anonymous pipe pair, a Unix-domain socket,
 * TCP on loopback, and named pipes (POSIX FIFOs).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { Mechanism } from '../Link';
import { startPeer } from '../PeerProcess';
import { openFifoReader, openFifoWriter } from '../fifo';
import { StreamLink } from '../StreamLink';

export const anonymousPipe: Mechanism = {
  id: 'pipe',
  name: 'anonymous pipe',
  between: 'processes',
  claims: ['PIPE1', 'MP5', 'IPC2'],
  note:
    'Two pipes, one per direction: a pipe is one-way. Only a related process can have one: the parent creates ' +
    'both ends and the child inherits them as stdin and stdout; there is no name another process could open, and ' +
    'no way across a network.',
  async open() {
    const peer = await startPeer('pipe', [], ['pipe', 'pipe', 'inherit', 'ipc']);
    return new StreamLink(peer.child.stdout!, peer.child.stdin!, 'pipe', peer.stop, peer.gone);
  },
};

async function socketLink(
  id: string,
  connect: () => net.Socket,
  label: string,
  stop: () => Promise<void>,
  peerGone: Promise<string>,
): Promise<StreamLink> {
  const socket = connect();
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', (e) => reject(new Error(`${id}: could not connect: ${e.message}`)));
  });
  return new StreamLink(
    socket,
    socket,
    label,
    async () => {
      socket.destroy();
      await stop();
    },
    peerGone,
  );
}

export const unixSocket: Mechanism = {
  id: 'unix',
  name: 'Unix-domain socket',
  between: 'processes',
  claims: ['SOCK1', 'MP5', 'IPC2'],
  note:
    'A socket addressed by a file path on this machine (a named pipe on Windows): the kernel copies bytes ' +
    'between the processes without any network stack.',
  async open(workDir) {
    const where =
      process.platform === 'win32' ? `\\\\.\\pipe\\minium-lab-${process.pid}` : path.join(workDir, 'lab.sock');
    const peer = await startPeer('unix', [`--path=${where}`]);
    return socketLink(
      'unix',
      () => net.connect(where),
      'unix socket',
      async () => {
        await peer.stop();
        fs.rmSync(where, { force: true });
      },
      peer.gone,
    );
  },
};

export const tcpSocket: Mechanism = {
  id: 'tcp',
  name: 'TCP (loopback)',
  between: 'processes',
  claims: ['SOCK1', 'MP5', 'IPC2'],
  note:
    'The same API reaches another machine; here it goes through the loopback interface, so the figures show the ' +
    'TCP/IP stack’s cost, not a network’s.',
  async open() {
    const peer = await startPeer('tcp');
    return socketLink('tcp', () => net.connect(peer.info.port as number, '127.0.0.1'), 'tcp', peer.stop, peer.gone);
  },
};

export const namedPipe: Mechanism = {
  id: 'fifo',
  name: 'named pipe (FIFO)',
  between: 'processes',
  claims: ['NPIPE1', 'MP5', 'IPC2'],
  note:
    'A POSIX FIFO has a name in the file system, so unrelated processes can open it; it is one-way (two are ' +
    'used), and it never crosses a network. Windows named pipes are two-way and can be opened from another ' +
    'machine: that part of the claim holds for them only.',
  async open(workDir) {
    if (process.platform === 'win32')
      throw new Error(
        'POSIX FIFOs do not exist on Windows; see the Unix-domain socket row, which is a Windows named pipe there',
      );
    const toPeer = path.join(workDir, 'to-peer.fifo');
    const fromPeer = path.join(workDir, 'from-peer.fifo');
    execFileSync('mkfifo', [toPeer, fromPeer]);
    const input = openFifoReader(fromPeer);
    const peer = await startPeer('fifo', [`--in=${toPeer}`, `--out=${fromPeer}`]);
    const output = await openFifoWriter(toPeer);
    return new StreamLink(
      input,
      output,
      'fifo',
      async () => {
        input.destroy();
        output.destroy();
        await peer.stop();
        fs.rmSync(toPeer, { force: true });
        fs.rmSync(fromPeer, { force: true });
      },
      peer.gone,
    );
  },
};

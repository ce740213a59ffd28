/**
 * Message channels: UDP datagrams and Node's own IPC channel between processes; postMessage
 * between threads.
 */
import * as dgram from 'node:dgram';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DatagramLink } from '../DatagramLink';
import type { Mechanism } from '../Link';
import { type LabMessage, MessageLink } from '../MessageLink';
import { startPeer } from '../PeerProcess';

export const udpSocket: Mechanism = {
  id: 'udp',
  name: 'UDP (loopback)',
  between: 'processes',
  claims: ['SOCK1', 'MP5', 'IPC2'],
  note:
    'Datagrams keep message boundaries but carry at most 65 507 bytes, may be lost, and have no flow control: ' +
    'larger messages are chunked, and streams wait for acknowledgements, as an application on UDP must.',
  async open() {
    const peer = await startPeer('udp');
    const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 4 << 20, sendBufferSize: 4 << 20 });
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return new DatagramLink(socket, peer.info.port as number, peer.stop);
  },
};

export const nodeIpc: Mechanism = {
  id: 'ipc',
  name: "Node's IPC channel",
  between: 'processes',
  claims: ['IPC1', 'MP5'],
  note:
    'What child_process.fork sets up (a socket pair) with structured-clone serialization on top: what Minium’s ' +
    'own browser and children use. Electron’s MessagePortMain plays this part under Electron.',
  async open() {
    const peer = await startPeer('ipc');
    const child = peer.child;
    return new MessageLink(
      {
        post: (m) => {
          if (!child.connected) throw new Error('ipc: the peer process ended');
          // A write that fails because the peer just died is reported by the exit below.
          child.send(m, () => undefined);
        },
        onMessage: (l) => child.on('message', (m) => l(m as LabMessage)),
        onGone: (l) => child.once('exit', (code, signal) => l(`the peer process ended (${signal ?? code})`)),
      },
      'ipc',
      peer.stop,
    );
  },
};

export const threadPostMessage: Mechanism = {
  id: 'postmessage',
  name: 'postMessage (threads)',
  between: 'threads',
  claims: ['IPC3', 'MT6', 'TB4'],
  note:
    'Between two worker_threads of one process. Each thread has its own JS heap, so the message is copied ' +
    '(structured clone), not shared: the runtime’s nuance on “threads share memory”.',
  async open() {
    const worker = new Worker(path.join(__dirname, '../threadPeer.js'), { workerData: { mode: 'postmessage' } });
    await new Promise((resolve) => worker.once('online', resolve));
    return new MessageLink(
      {
        post: (m) => worker.postMessage(m),
        onMessage: (l) => worker.on('message', l),
        onGone: (l) => worker.once('exit', (code) => l(`the peer thread ended (${code})`)),
      },
      'postMessage',
      async () => void (await worker.terminate()),
    );
  },
};

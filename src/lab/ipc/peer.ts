/**
 * The IPC lab's peer process: the other end of one mechanism. It echoes round trips and tallies
 * streams. Started by PeerProcess with --mechanism=… and the mechanism's own arguments.
 */
import * as dgram from 'node:dgram';
import * as net from 'node:net';
import { argValue } from '../../platform/child/parentPort';
import { serveDatagrams } from './DatagramLink';
import { serveFiles } from './mechanisms/file';
import { type LabMessage, serveMessages } from './MessageLink';
import { openFifoReader, openFifoWriter } from './fifo';
import { askFifoServer, serveFifoRequests } from './fifoServer';
import { serveStream } from './StreamLink';
import { serveSharedMemory } from './shmPeer';
import { serveMessageQueue } from './mqPeer';

const ready = (info: Record<string, unknown> = {}) => process.send!({ ready: true, ...info });
// The lab is this process's parent: when it goes, so does the peer.
process.on('disconnect', () => process.exit(0));

switch (argValue('mechanism')) {
  case 'pipe':
    serveStream(process.stdin, process.stdout);
    ready();
    break;
  case 'unix':
  case 'tcp': {
    const server = net.createServer((socket) => {
      socket.setNoDelay(true);
      serveStream(socket, socket);
    });
    const where = argValue('path');
    if (where) server.listen(where, () => ready());
    else server.listen(0, '127.0.0.1', () => ready({ port: (server.address() as net.AddressInfo).port }));
    break;
  }
  case 'fifo': {
    const input = openFifoReader(argValue('in')!);
    ready();
    void openFifoWriter(argValue('out')!).then((output) => serveStream(input, output));
    break;
  }
  case 'fifo-server':
    ready();
    void serveFifoRequests(argValue('dir')!);
    break;
  case 'fifo-client':
    ready();
    void askFifoServer(argValue('dir')!, argValue('client')!, Number(argValue('count'))).then((answered) =>
      process.send!({ answered }),
    );
    break;
  case 'udp': {
    const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 4 << 20, sendBufferSize: 4 << 20 });
    socket.bind(0, '127.0.0.1', () => {
      serveDatagrams(socket);
      ready({ port: socket.address().port });
    });
    break;
  }
  case 'ipc':
    serveMessages({
      post: (m) => process.send!(m),
      onMessage: (l) => process.on('message', (m) => l(m as LabMessage)),
    });
    ready();
    break;
  case 'file':
    serveFiles(argValue('dir')!);
    ready();
    break;
  case 'shm':
    ready();
    serveSharedMemory(argValue('name')!);
    break;
  case 'mq':
    ready();
    serveMessageQueue(argValue('down')!, argValue('up')!);
    break;
  default:
    process.stderr.write(`unknown mechanism ${argValue('mechanism')}\n`);
    process.exit(2);
}

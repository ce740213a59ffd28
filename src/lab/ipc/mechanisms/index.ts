import type { Mechanism } from '../Link';
import { fileMechanism } from './file';
import { nodeIpc, threadPostMessage, udpSocket } from './messages';
import { sharedArrayBuffer } from './sharedArrayBuffer';
import { sharedMemory } from './sharedMemory';
import { messageQueue } from './messageQueue';
import { anonymousPipe, namedPipe, tcpSocket, unixSocket } from './streams';

/** Every mechanism the IPC lab measures, processes first, then threads for contrast. */
export const MECHANISMS: Mechanism[] = [
  sharedMemory,
  anonymousPipe,
  namedPipe,
  unixSocket,
  tcpSocket,
  udpSocket,
  fileMechanism,
  messageQueue,
  nodeIpc,
  threadPostMessage,
  sharedArrayBuffer,
];

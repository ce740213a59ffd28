/**
 * Shared memory between two processes (CLAIMS.md SHM1, SHM2): a POSIX shared-memory segment both
 * map, holding two rings. The first byte of each message says what it is.
 */
import { blockingLink } from '../BlockingLink';
import type { Mechanism } from '../Link';
import { startPeer } from '../PeerProcess';
import { isRunning } from '../../../platform/processState';
import { ShmRings } from '../ShmRing';
import { removeOnExit } from '../cleanup';

const TIMEOUT_MS = 5000;
const SLICE_MS = 100;
let serial = 0;

export const sharedMemory: Mechanism = {
  id: 'shm',
  name: 'shared memory (POSIX shm)',
  between: 'processes',
  claims: ['SHM1', 'SHM2', 'MP5', 'IPC2'],
  note:
    'Both processes map one segment; the kernel is involved only to sleep and wake. The synchronization is the ' +
    'rings’ own: a writer publishes a message by advancing a counter after copying it, a reader frees the space ' +
    'by advancing another, and neither overwrites what the other has not finished. JavaScript still copies each ' +
    'message once in and once out through the addon.',
  async open() {
    const rings = ShmRings.create(`/minium-lab.${process.pid}.${++serial}`);
    const remove = removeOnExit(() => rings.region.close());
    const peer = await startPeer('shm', [`--name=${rings.region.name}`]).catch((e) => {
      remove();
      throw e;
    });
    // The rings block this thread, so the peer's exit event cannot arrive meanwhile: waits are cut
    // into slices, and between slices the peer's PID is checked (only then: reading /proc costs
    // several times a round trip).
    const alive = () => {
      if (!isRunning(peer.child.pid!)) throw new Error('shm: the peer process ended');
    };
    const patiently = <T>(attempt: (sliceMs: number) => T | null | false, what: string): T => {
      for (let waited = 0; waited < TIMEOUT_MS; waited += SLICE_MS) {
        const r = attempt(SLICE_MS);
        if (r) return r;
        alive();
      }
      throw new Error(`shm: ${what} within ${TIMEOUT_MS} ms`);
    };
    return blockingLink(
      {
        send: (kind, payload) => {
          const message = Buffer.allocUnsafe(payload.length + 1);
          message[0] = kind;
          message.set(payload, 1);
          patiently((ms) => rings.send(message, ms), 'the peer made no room');
        },
        receive: () => patiently((ms) => rings.receive(ms), 'no answer came'),
      },
      async () => {
        await peer.stop();
        remove();
      },
    );
  },
};

/**
 * A kernel message queue between two processes (CLAIMS.md MQ1, MQ2): POSIX mq_*, one queue each
 * way, opened by name. The kernel keeps message boundaries and does the synchronization.
 */
import { isRunning } from '../../../platform/processState';
import { blockingLink } from '../BlockingLink';
import type { Mechanism } from '../Link';
import { MqChannel } from '../MqChannel';
import { startPeer } from '../PeerProcess';
import { removeOnExit } from '../cleanup';

const SLICE_MS = 100;
const TIMEOUT_MS = 5000;
let serial = 0;

export const messageQueue: Mechanism = {
  id: 'mq',
  name: 'message queue (POSIX mq)',
  between: 'processes',
  claims: ['MQ1', 'MQ2', 'MP5', 'IPC2'],
  note:
    'Simple to use: send a message, receive a message, the kernel queues and synchronizes. It costs a system ' +
    'call and two copies per message, and a message is at most 8 KiB by default, so larger ones are chunked.',
  async open() {
    const base = `/minium-lab.${process.pid}.mq${++serial}`;
    const names = [`${base}.down`, `${base}.up`];
    const forget = removeOnExit(() => names.forEach((n) => MqChannel.unlink(n)));
    let down: MqChannel;
    let up: MqChannel;
    try {
      down = MqChannel.create(names[0]);
      up = MqChannel.create(names[1]);
    } catch (e) {
      forget();
      throw e;
    }
    const peer = await startPeer('mq', [`--down=${names[0]}`, `--up=${names[1]}`]).catch((e) => {
      forget();
      throw e;
    });
    // The queue calls block this thread; between slices the peer's PID is checked.
    let waited = 0;
    const stillThere = () => {
      if (!isRunning(peer.child.pid!)) throw new Error('mq: the peer process ended');
      if ((waited += SLICE_MS) > TIMEOUT_MS) throw new Error(`mq: no progress within ${TIMEOUT_MS} ms`);
    };
    return blockingLink(
      {
        send: (kind, body) => {
          waited = 0;
          down.send(kind, body, SLICE_MS, stillThere);
        },
        receive: () => {
          waited = 0;
          for (;;) {
            const m = up.receive(SLICE_MS, stillThere);
            if (m) return m.body;
            stillThere();
          }
        },
      },
      async () => {
        await peer.stop();
        forget();
      },
    );
  },
};

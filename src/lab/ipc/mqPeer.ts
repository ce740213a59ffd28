/** The peer's side of the message-queue mechanism: blocks on its queue, waking every 250 ms to check on the lab. */
import { serveBlocking } from './BlockingLink';
import { MqChannel } from './MqChannel';

export function serveMessageQueue(downName: string, upName: string): never {
  const down = MqChannel.open(downName);
  const up = MqChannel.open(upName);
  const lab = process.ppid;
  const labAlive = () => {
    if (process.ppid !== lab) process.exit(0);
  };
  return serveBlocking(
    () => down.receive(250, labAlive),
    (kind, body) => up.send(kind, body, 250, labAlive),
  );
}

/** The peer's side of the message-queue mechanism: blocks on its queue, checking every 250 ms that the lab still exists. */
import { MqKind } from './mechanisms/messageQueue';
import { MqChannel } from './MqChannel';
import { Tallier } from './Tallier';

export function serveMessageQueue(downName: string, upName: string): never {
  const down = MqChannel.open(downName);
  const up = MqChannel.open(upName);
  const tallier = new Tallier();
  const lab = process.ppid;
  const labAlive = () => {
    if (process.ppid !== lab) process.exit(0);
  };
  for (;;) {
    const m = down.receive(250, labAlive);
    if (!m) {
      labAlive();
      continue;
    }
    if (m.kind === MqKind.Echo) up.send(MqKind.Echo, m.body, 250, labAlive);
    else if (m.kind === MqKind.Data) tallier.add(m.body);
    else up.send(MqKind.End, Buffer.from(JSON.stringify(tallier.take())), 250, labAlive);
  }
}

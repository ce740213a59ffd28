/**
 * The peer's side of the shared-memory mechanism. It blocks in the addon between messages (it has
 * nothing else to do), waking every 250 ms to check that the lab still exists.
 */
import { ShmKind } from './mechanisms/sharedMemory';
import { ShmRings } from './ShmRing';
import { Tallier } from './Tallier';

export function serveSharedMemory(name: string): never {
  const rings = ShmRings.open(name);
  const tallier = new Tallier();
  const lab = process.ppid;
  for (;;) {
    const m = rings.receive(250);
    if (!m) {
      if (process.ppid !== lab) process.exit(0);
      continue;
    }
    const body = m.subarray(1);
    if (m[0] === ShmKind.Echo) rings.send(body, 5000);
    else if (m[0] === ShmKind.Data) tallier.add(body);
    else rings.send(Buffer.from(JSON.stringify(tallier.take())), 5000);
  }
}

/** The peer's side of the shared-memory mechanism: blocks in the addon, waking every 250 ms to check on the lab. */
import { serveBlocking } from './BlockingLink';
import { ShmRings } from './ShmRing';

export function serveSharedMemory(name: string): never {
  const rings = ShmRings.open(name);
  return serveBlocking(
    () => {
      const m = rings.receive(250);
      return m && { kind: m[0], body: m.subarray(1) };
    },
    // Replies go back bare: the lab knows what it asked for.
    (_kind, body) => {
      rings.send(body, 5000);
    },
  );
}

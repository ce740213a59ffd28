/** One verified one-way stream over a link, timed: what every throughput figure of the IPC lab is made of. */
import type { Link } from './Link';
import { expectedTally } from './Tallier';

/** Sends `count` copies of `payload`; the seconds it took, once the peer's tally matched what was sent. */
export async function timedStream(link: Link, payload: Buffer, count: number): Promise<number> {
  const expected = expectedTally(payload, count);
  const t0 = process.hrtime.bigint();
  const tally = await link.stream(payload, count);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (tally.messages !== expected.messages || tally.bytes !== expected.bytes || tally.crc !== expected.crc) {
    throw new Error(
      `the stream arrived incomplete or altered: ${JSON.stringify(tally)} instead of ${JSON.stringify(expected)}`,
    );
  }
  return seconds;
}

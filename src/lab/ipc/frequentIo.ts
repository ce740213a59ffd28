/**
 * MQ2, "under frequent I/O a message queue beats shared memory": bursts of small messages one
 * way, each sent on its own and taken by the peer as it comes, so that every message pays the
 * synchronization (shared memory: publish a counter, wake a sleeping reader; a message queue: a
 * system call each side). The two are measured in turn, one burst each per pair, the order
 * alternating: another program's load moves both sides of a pair alike, and the ratio of each
 * pair is a repetition of its own (../verdict.ts).
 */
import { randomBytes } from 'node:crypto';
import type { FrequentIo } from '../../common/labReports';
import { estimate } from '../stats';
import { pairedRatio } from '../verdict';
import type { Link, Mechanism } from './Link';
import { timedStream } from './timedStream';

export const FREQUENT_IO_SIZE = 64;

export interface FrequentIoOptions {
  pairs: number;
  messages: number;
  warmUpMs: number;
}

export async function measureFrequentIo(
  queue: Mechanism,
  shared: Mechanism,
  workDir: string,
  options: FrequentIoOptions,
): Promise<FrequentIo> {
  const links: Link[] = [];
  const result: FrequentIo = { size: FREQUENT_IO_SIZE, messages: options.messages };
  try {
    const mq = await queue.open(workDir);
    links.push(mq);
    const shm = await shared.open(workDir);
    links.push(shm);
    const payload = randomBytes(FREQUENT_IO_SIZE);
    const rate = async (link: Link) => options.messages / (await timedStream(link, payload, options.messages));
    // Warm-up, bursts in turn for a while: both peers' code compiled, the ring's pages touched
    // once, the scheduler settled on where each process runs (the first bursts ran slower).
    const warm = performance.now() + options.warmUpMs;
    do {
      await rate(mq);
      await rate(shm);
    } while (performance.now() < warm);
    const rates = { mq: [] as number[], shm: [] as number[] };
    for (let i = 0; i < options.pairs; i++) {
      for (const side of i % 2 ? (['shm', 'mq'] as const) : (['mq', 'shm'] as const))
        rates[side].push(await rate(side === 'mq' ? mq : shm));
    }
    return {
      ...result,
      mq: estimate(rates.mq),
      shm: estimate(rates.shm),
      ratio: pairedRatio(rates.mq, rates.shm) ?? undefined,
    };
  } catch (e) {
    return { ...result, error: `frequent I/O: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    for (const link of links) await link.close();
  }
}

/**
 * Turns a channel's running totals into rates: per key (an edge and a direction), the totals seen
 * over about the last second, so that a rate reads the same however often the graph is asked for.
 * One per ArchitectureMonitor; keys of channels that went away are forgotten.
 */
import type { Flow } from '../common/architecture';
import type { DirectionCount } from '../platform/ChannelTraffic';

/** The span a rate is measured over: the oldest sample kept is the newest at least this old. */
const WINDOW_MS = 1000;
/** Samples kept per key, however often the graph is asked for. */
const MAX_SAMPLES = 64;

interface Sample extends DirectionCount {
  at: number;
}

export class TrafficRates {
  private readonly samples = new Map<string, Sample[]>();

  flow(key: string, at: number, count: DirectionCount): Flow {
    const list = this.samples.get(key) ?? [];
    // Totals that went down belong to a new channel under the same key: start again.
    if (list.length && list[list.length - 1]!.bytes > count.bytes) list.length = 0;
    list.push({ at, ...count });
    while (list.length > 2 && (at - list[1]!.at >= WINDOW_MS || list.length > MAX_SAMPLES)) list.shift();
    this.samples.set(key, list);
    const first = list[0]!;
    const seconds = (at - first.at) / 1000;
    return {
      messages: count.messages,
      bytes: count.bytes,
      messagesPerSecond: seconds > 0 ? (count.messages - first.messages) / seconds : 0,
      bytesPerSecond: seconds > 0 ? (count.bytes - first.bytes) / seconds : 0,
    };
  }

  /** Forgets every key not in `live`. */
  retain(live: ReadonlySet<string>): void {
    for (const key of this.samples.keys()) if (!live.has(key)) this.samples.delete(key);
  }
}

/**
 * What crossed one browser↔child channel, in each direction: messages and bytes as framed (the
 * 4-byte length prefix included), counted since the channel opened. One per channel, kept by its
 * launcher; the architecture view turns the totals into rates.
 */
export interface DirectionCount {
  messages: number;
  bytes: number;
}

export interface TrafficCounts {
  /** Browser → child. */
  sent: DirectionCount;
  /** Child → browser, as read (a frame that turned out bad still counts its bytes). */
  received: DirectionCount;
}

export class ChannelTraffic {
  private readonly counts: TrafficCounts = { sent: { messages: 0, bytes: 0 }, received: { messages: 0, bytes: 0 } };

  countSent(frameBytes: number): void {
    this.counts.sent.messages++;
    this.counts.sent.bytes += frameBytes;
  }

  countReceivedBytes(bytes: number): void {
    this.counts.received.bytes += bytes;
  }

  countReceivedMessages(count = 1): void {
    this.counts.received.messages += count;
  }

  snapshot(): TrafficCounts {
    return { sent: { ...this.counts.sent }, received: { ...this.counts.received } };
  }
}

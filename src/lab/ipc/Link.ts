/**
 * What the IPC lab measures, whatever the mechanism: a round trip (send a message, get the same
 * bytes back) and a one-way stream (send many, get the peer's tally). Every transfer is verified.
 */
import type { Between } from '../../common/labReports';

export interface Tally {
  messages: number;
  bytes: number;
  /** CRC-32 of everything received, in order. */
  crc: number;
}

export interface Link {
  /** Sends one message; resolves with the peer's echo of it. */
  roundTrip(payload: Buffer): Promise<Buffer>;
  /** Sends `count` copies one way; resolves with what the peer counted. */
  stream(payload: Buffer, count: number): Promise<Tally>;
  close(): Promise<void>;
}

export interface Mechanism {
  id: string;
  name: string;
  between: Between;
  /** CLAIMS.md ids this mechanism speaks to. */
  claims: string[];
  /** What is true of it that the numbers alone do not say. */
  note: string;
  open(workDir: string): Promise<Link>;
}

/**
 * One response as the browser receives it from the network service: a head, body chunks, then
 * done. The service is a child the browser does not trust, so every step is checked here: the
 * order, the type against what was asked for, and the size against the page limit. A step that
 * breaks the rules returns the violation, for the caller to end the service over. Pure.
 */
import type { LoadResult } from './ResourceLoader';
import { LIMITS } from '../common/limits';
import { type Destination, isAcceptedAs } from '../common/resourceTypes';

export class NetworkResponse {
  private head: { status: number; contentType: string } | null = null;
  private readonly chunks: Buffer[] = [];
  private bytes = 0;

  constructor(
    readonly url: string,
    readonly destination: Destination,
  ) {}

  /** Returns a violation, or null. */
  receiveHead(status: number, contentType: string): string | null {
    if (this.head) return `sent a second head for ${this.url}`;
    if (!isAcceptedAs(contentType, this.destination))
      return `answered ${this.url} with ${contentType}, which is not a ${this.destination}`;
    this.head = { status, contentType };
    return null;
  }

  /** Returns a violation, or null. */
  receiveBody(base64: string): string | null {
    if (!this.head) return `sent body for ${this.url} before its head`;
    const chunk = Buffer.from(base64, 'base64');
    this.bytes += chunk.length;
    if (this.bytes > LIMITS.pageBytes)
      return `sent more than ${LIMITS.pageBytes} bytes for ${this.url}, the most a page may have`;
    this.chunks.push(chunk);
    return null;
  }

  /** The whole response, or a violation. */
  finish(): { result: LoadResult } | { violation: string } {
    if (!this.head) return { violation: `finished ${this.url} without a head` };
    const body = Buffer.concat(this.chunks).toString('utf8');
    return { result: { ok: true, ...this.head, body } };
  }
}

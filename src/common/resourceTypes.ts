/**
 * What a loaded resource may be used as. The network service refuses other types before it
 * downloads the body; the browser checks the type again, as it trusts no child's word.
 */
import { LIMITS } from './limits';

export type Destination = 'document' | 'script';

/** What a document or a script may be served as; anything else is refused with its type. */
const ACCEPTED: Record<Destination, RegExp> = {
  document: /^text\/|html|xml/,
  script: /^text\/|javascript|ecmascript|json/,
};

export function isAcceptedAs(contentType: string, destination: Destination): boolean {
  return ACCEPTED[destination].test(contentType);
}

export function notAcceptedError(url: string, contentType: string, destination: Destination): string {
  return `${url} is ${contentType}, not a ${destination} Minium can use.`;
}

/** `size` as a person reads it: "12000000 bytes", "more than 10485760 bytes". */
export function tooLargeError(size: string): string {
  return `The page is ${size}; pages of at most ${LIMITS.pageBytes} bytes are loaded.`;
}

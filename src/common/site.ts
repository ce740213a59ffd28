import { getDomain } from 'tldts';
import { LIMITS } from './limits';

/**
 * A site is scheme + registrable domain (eTLD+1): https://news.example and
 * https://www.news.example are one site and share a renderer; https://orbit.example is another.
 */
export function siteForUrl(url: URL): string {
  const host = url.hostname;
  // IP addresses and single-label hosts (localhost) have no registrable domain: the host is the site.
  const domain = getDomain(host, { allowPrivateDomains: true }) ?? host;
  return `${url.protocol}//${domain}`;
}

/** Site lock: a renderer locked to a site may ask for that site's URLs only. */
export function isAllowedForSite(lockedSite: string, url: URL): boolean {
  return siteForUrl(url) === lockedSite;
}

export type UrlParseResult = { ok: true; url: URL } | { ok: false; reason: string };

const ALLOWED_SCHEMES = new Set(['http:', 'https:']);

/**
 * Turns what a person typed into the address bar into a URL, as a browser does: a bare host
 * ("news.example/page") gets https://; anything else that is not an http(s) URL is refused with
 * a reason a person can read.
 */
export function parseUserUrl(input: string): UrlParseResult {
  const text = input.trim();
  if (text.length === 0) return { ok: false, reason: 'The address is empty.' };
  if (text.length > LIMITS.urlLength) {
    return {
      ok: false,
      reason: `The address is ${text.length} characters long; at most ${LIMITS.urlLength} are accepted.`,
    };
  }
  const hasScheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(text) && !/^[^/:]+:\d+(\/|$)/.test(text);
  const candidate = hasScheme ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, reason: `"${text}" is not a valid address.` };
  }
  if (!ALLOWED_SCHEMES.has(url.protocol)) {
    return { ok: false, reason: `The ${url.protocol} scheme is not supported; use http:// or https://.` };
  }
  if (!url.hostname || (!hasScheme && !url.hostname.includes('.') && url.hostname !== 'localhost')) {
    return { ok: false, reason: `"${text}" is not a valid address.` };
  }
  // Escaping can lengthen an address (a space becomes %20): the renderer will ask for the escaped one.
  if (url.href.length > LIMITS.urlLength) {
    return {
      ok: false,
      reason:
        `The address is ${url.href.length} characters long once escaped; ` +
        `at most ${LIMITS.urlLength} are accepted.`,
    };
  }
  return { ok: true, url };
}

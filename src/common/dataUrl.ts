/**
 * `data:` URLs for scripts and workers, decoded where they already are: in the renderer. The
 * content is in the URL, so sending it to the browser and back would copy it twice for nothing,
 * and a long one would overstep the protocol's address limit. Only the body size is bounded.
 */
import { LIMITS } from './limits';

export type DataUrlResult = { ok: true; contentType: string; body: string } | { ok: false; error: string };

export function isDataUrl(url: string): boolean {
  return /^data:/i.test(url);
}

export function decodeDataUrl(url: string): DataUrlResult {
  const comma = url.indexOf(',');
  if (comma < 0) return { ok: false, error: 'the data: URL has no comma before its content' };
  const meta = url.slice(5, comma).split(';');
  const base64 = meta[meta.length - 1].toLowerCase() === 'base64';
  const contentType = (base64 ? meta.slice(0, -1) : meta).join(';') || 'text/plain;charset=US-ASCII';
  const data = url.slice(comma + 1);
  // base64 decodes to three bytes per four characters; percent-encoding to one per three at best.
  if ((base64 ? (data.length * 3) / 4 : data.length / 3) > LIMITS.dataUrlBytes)
    return { ok: false, error: `the data: URL holds more than ${LIMITS.dataUrlBytes} bytes` };
  try {
    const bytes = base64
      ? Uint8Array.from(atob(data.replace(/\s/g, '')), (c) => c.charCodeAt(0))
      : percentDecoded(data);
    if (bytes.length > LIMITS.dataUrlBytes)
      return {
        ok: false,
        error: `the data: URL holds ${bytes.length} bytes; at most ${LIMITS.dataUrlBytes} are loaded`,
      };
    return { ok: true, contentType, body: new TextDecoder().decode(bytes) };
  } catch (e) {
    return { ok: false, error: `the data: URL cannot be decoded: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function percentDecoded(data: string): Uint8Array {
  const encoder = new TextEncoder();
  const parts = data
    .split(/(%[0-9a-fA-F]{2})/)
    .map((part) => (/^%[0-9a-fA-F]{2}$/.test(part) ? [parseInt(part.slice(1), 16)] : [...encoder.encode(part)]));
  return Uint8Array.from(parts.flat());
}

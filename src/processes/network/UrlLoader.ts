/**
 * Loads one http(s) URL in the network service (Chromium's URLLoader): the request, a timeout,
 * the type check and the size limit, streaming the body out in bounded chunks as it arrives, so
 * a 10 MB page never sits whole in one message. Everything it reports is checked again by the
 * browser, which trusts no child.
 */
import type { BrowserToNetwork, NetworkToBrowser } from '../../common/protocol';
import { describeError } from '../../common/errors';
import { LIMITS } from '../../common/limits';
import { isAcceptedAs, notAcceptedError, tooLargeError } from '../../common/resourceTypes';
import { truncate } from '../../common/truncate';

type FetchRequest = Extract<BrowserToNetwork, { type: 'fetch' }>;

export async function loadUrl(request: FetchRequest, send: (m: NetworkToBrowser) => void): Promise<void> {
  const { requestId, destination } = request;
  const fail = (error: string) =>
    send({ type: 'fetch-failed', requestId, error: truncate(error, LIMITS.messageLength) });
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return fail(`"${request.url.slice(0, 100)}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return fail(`the network service fetches http and https only, not ${url.protocol}`);
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(LIMITS.fetchTimeoutMs), redirect: 'follow' });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return fail(`The network request to ${url.host} failed: ${cause?.code ?? cause?.message ?? describeError(e)}`);
  }
  const contentType = truncate(res.headers.get('content-type') ?? 'text/html', LIMITS.contentTypeLength);
  if (!isAcceptedAs(contentType, destination)) {
    await res.body?.cancel();
    return fail(notAcceptedError(url.href, contentType, destination));
  }
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > LIMITS.pageBytes) {
    await res.body?.cancel();
    return fail(tooLargeError(`${declared} bytes`));
  }
  send({ type: 'fetch-head', requestId, status: res.status, contentType });
  let total = 0;
  try {
    for await (const chunk of res.body ?? []) {
      const bytes = chunk as Uint8Array;
      total += bytes.length;
      if (total > LIMITS.pageBytes) {
        await res.body?.cancel();
        return fail(tooLargeError(`more than ${LIMITS.pageBytes} bytes`));
      }
      for (let at = 0; at < bytes.length; at += LIMITS.networkChunkBytes) {
        const part = bytes.subarray(at, at + LIMITS.networkChunkBytes);
        send({ type: 'fetch-body', requestId, data: Buffer.from(part).toString('base64') });
      }
    }
  } catch (e) {
    return fail(`The response from ${url.host} broke off: ${describeError(e)}`);
  }
  send({ type: 'fetch-done', requestId });
}

import { NetworkResponse } from '../../src/browser/NetworkResponse';
import { LIMITS } from '../../src/common/limits';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('NetworkResponse: what the browser accepts from the network service', () => {
  test('a head, chunks split anywhere (even inside a UTF-8 character), then done: the whole page', () => {
    const r = new NetworkResponse('http://a.test/', 'document');
    const bytes = Buffer.from('<p>héllo</p>');
    expect(r.receiveHead(200, 'text/html; charset=utf-8')).toBeNull();
    expect(r.receiveBody(bytes.subarray(0, 5).toString('base64'))).toBeNull(); // cuts é in two
    expect(r.receiveBody(bytes.subarray(5).toString('base64'))).toBeNull();
    expect(r.finish()).toEqual({
      result: { ok: true, status: 200, contentType: 'text/html; charset=utf-8', body: '<p>héllo</p>' },
    });
  });

  test.each([
    ['body before head', (r: NetworkResponse) => r.receiveBody(b64('x')), /body .* before its head/],
    [
      'two heads',
      (r: NetworkResponse) => (r.receiveHead(200, 'text/html'), r.receiveHead(200, 'text/html')),
      /second head/,
    ],
    [
      'an image for a document',
      (r: NetworkResponse) => r.receiveHead(200, 'image/png'),
      /image\/png, which is not a document/,
    ],
    ['done without a head', (r: NetworkResponse) => (r.finish() as { violation?: string }).violation, /without a head/],
  ])('%s is a violation', (_, step, why) => {
    expect(step(new NetworkResponse('http://a.test/', 'document'))).toMatch(why);
  });

  test('a script may be JavaScript, a document may not be', () => {
    expect(new NetworkResponse('http://a.test/x.js', 'script').receiveHead(200, 'application/javascript')).toBeNull();
    expect(new NetworkResponse('http://a.test/x.js', 'document').receiveHead(200, 'application/javascript')).toMatch(
      /not a document/,
    );
  });

  test('more than a page may hold is a violation, at the chunk that oversteps', () => {
    const r = new NetworkResponse('http://a.test/', 'document');
    r.receiveHead(200, 'text/html');
    const chunk = Buffer.alloc(LIMITS.networkChunkBytes).toString('base64');
    let violation: string | null = null;
    let chunks = 0;
    while (!violation) {
      violation = r.receiveBody(chunk);
      chunks++;
    }
    expect(chunks).toBe(LIMITS.pageBytes / LIMITS.networkChunkBytes + 1);
    expect(violation).toMatch(/more than 10485760 bytes/);
  });
});

import { isAllowedForSite, parseUserUrl, siteForUrl } from '../../src/common/site';

describe('siteForUrl', () => {
  test.each([
    ['https://news.example/a', 'https://news.example'],
    ['https://www.news.example/b', 'https://news.example'],
    ['http://news.example/', 'http://news.example'],
    ['https://a.b.co.uk/', 'https://b.co.uk'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1'],
    ['http://localhost:3000/x', 'http://localhost'],
  ])('%s is on %s', (url, site) => expect(siteForUrl(new URL(url))).toBe(site));

  test('site lock admits the same site only', () => {
    expect(isAllowedForSite('https://news.example', new URL('https://img.news.example/x.png'))).toBe(true);
    expect(isAllowedForSite('https://news.example', new URL('https://orbit.example/'))).toBe(false);
    expect(isAllowedForSite('https://news.example', new URL('http://news.example/'))).toBe(false);
  });
});

describe('parseUserUrl', () => {
  test('a bare host gets https://', () => {
    const r = parseUserUrl('orbit.example/page');
    expect(r.ok && r.url.href).toBe('https://orbit.example/page');
  });
  test('host:port is a host, not a scheme', () => {
    const r = parseUserUrl('localhost:8080/x');
    expect(r.ok && r.url.href).toBe('https://localhost:8080/x');
  });
  test.each([
    ['', /empty/],
    ['   ', /empty/],
    ['file:///etc/passwd', /file: scheme is not supported/],
    ['javascript:alert(1)', /javascript: scheme/],
    ['not a url', /not a valid address/],
    ['x'.repeat(10000), /at most 8192/],
    [`https://news.example/${'a b'.repeat(2700)}`, /once escaped; at most 8192/],
  ])('%j is refused with a reason', (input, reason) => {
    const r = parseUserUrl(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

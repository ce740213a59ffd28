import { buildPage } from '../../src/processes/renderer/page/PageBuilder';
import { parseInlineStyle } from '../../src/processes/renderer/page/InlineStyle';

// A fixed-width measure keeps layout expectations exact (8 px per character).
const measure = (text: string) => text.length * 8;
const viewport = { w: 400, h: 600 };
let plugin = 0;
const build = (html: string) => buildPage(html, viewport, measure, () => ++plugin);
const texts = (html: string) => build(html).layers[0].items.filter((i) => i.op === 'text').map((i) => (i as { text: string }).text);

describe('PageBuilder', () => {
  test('title, background and text in document order', () => {
    const page = build('<title> Hello  page </title><body style="background: #123456"><h1>Head</h1><p>One <b>bold</b> two</p></body>');
    expect(page.title).toBe('Hello page');
    expect(page.background).toBe('#123456');
    expect(texts('<h1>Head</h1><p>One <b>bold</b> two</p>')).toEqual(['Head', 'One bold two']);
  });

  test('long text wraps to the available width', () => {
    const lines = texts(`<p>${'word '.repeat(40)}</p>`);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.length * 8).toBeLessThanOrEqual(400 - 48);
  });

  test('an animated element becomes its own layer with its animation', () => {
    const page = build('<div style="animation: spin 2s linear infinite; width: 50px; height: 40px; background: red">x</div>');
    expect(page.layers).toHaveLength(2);
    expect(page.layers[1].animation).toEqual({ name: 'spin', durationMs: 2000 });
    expect(page.layers[1].bounds).toMatchObject({ w: 50, h: 40 });
  });

  test('an <embed> of a Minium plugin type becomes a plugin layer', () => {
    const page = build('<p>a</p><embed type="application/x-minium-clock" width="200" height="100">');
    const layer = page.layers.find((l) => l.plugin);
    expect(layer?.plugin?.mimeType).toBe('application/x-minium-clock');
    expect(layer?.bounds).toMatchObject({ w: 200, h: 100 });
  });

  test('malformed HTML renders what a browser would', () => {
    expect(texts('<p>unclosed <div>inner</p><h2>after')).toEqual(['unclosed', 'inner', 'after']);
    expect(build('').layers).toHaveLength(1);
    expect(texts('<<<>>> & &amp; <p>ok')).toEqual(['<<<>>> & &', 'ok']);
  });

  test('scripts and styles are not text', () => {
    expect(texts('<style>p{}</style><script>alert(1)</script><p>visible</p>')).toEqual(['visible']);
  });

  test('100 000 nested elements end in a readable error, quickly, not a stalled thread', () => {
    const html = `${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}`;
    expect(() => build(html)).toThrow(/nests elements 100000 levels deep/);
  });

  test('4 000 nested elements still render, without overflowing the stack', () => {
    const html = `${'<div>'.repeat(4000)}deep${'</div>'.repeat(4000)}`;
    expect(texts(html)).toEqual(['deep']);
  });

  test('thousands of unclosed paragraphs are siblings, not depth', () => {
    expect(() => build('<p>x'.repeat(10_000))).not.toThrow();
  });

  test('a 10 MB page stops laying out below the viewport', () => {
    const html = `<p>${'lorem ipsum '.repeat(900_000)}</p>`;
    const items = build(html).layers[0].items;
    expect(items.length).toBeLessThan(100);
  });
});

describe('InlineStyle', () => {
  test('unsupported or malformed declarations are ignored', () => {
    expect(parseInlineStyle('color: red; width: 12px; frobnicate: 3; height: banana; ;;; :')).toEqual({ color: 'red', width: 12 });
    expect(parseInlineStyle('animation: spin')).toEqual({});
    expect(parseInlineStyle('animation: pulse 300ms infinite')).toEqual({ animation: { name: 'pulse', durationMs: 300 } });
  });
});

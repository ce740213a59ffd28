import { parseHtml } from '../../src/processes/renderer/page/dom/parseHtml';
import { findElement, attr } from '../../src/processes/renderer/page/dom/Dom';
import { parseStyleSheet } from '../../src/processes/renderer/page/css/CssParser';
import { matches, parseSelector } from '../../src/processes/renderer/page/css/Selectors';
import { StyleResolver } from '../../src/processes/renderer/page/css/StyleResolver';
import {
  parseAnimation,
  parseColor,
  parseGradient,
  parseTransform,
} from '../../src/processes/renderer/page/css/Values';
import type { ComputedStyle } from '../../src/processes/renderer/page/css/ComputedStyle';

const ctx = { fontSize: 16, rootFontSize: 16, viewport: { w: 800, h: 600 } };

/** Computed styles of every element with an id. */
function styles(html: string): Map<string, ComputedStyle> {
  const doc = parseHtml(html);
  const resolver = StyleResolver.forDocument(doc, { w: 800, h: 600 });
  const out = new Map<string, ComputedStyle>();
  const walk = (el: ReturnType<typeof findElement>, parent: ComputedStyle | null) => {
    if (!el) return;
    const s = resolver.compute(el, parent);
    const id = attr(el, 'id');
    if (id) out.set(id, s);
    for (const c of el.childNodes) if ('tagName' in c) walk(c, s);
  };
  walk(
    findElement(doc, (e) => e.tagName === 'html'),
    null,
  );
  return out;
}

describe('CSS parser', () => {
  test('rules, comments, !important; @media and unknown at-rules are skipped whole, @keyframes kept', () => {
    const sheet = parseStyleSheet(`/* c */ @import url(x.css); p, .a { color: red; margin: 0 !important }
      @media (max-width: 10px) { p { color: blue } } @font-face { font-family: x }
      @keyframes spin { from { transform: rotate(0) } 50% { opacity: .5 } to { transform: rotate(1turn) } }
      div > span { }`);
    expect(sheet.rules.map((r) => r.selectors.map((s) => s.text))).toEqual([['p', '.a'], ['div > span']]);
    expect(sheet.rules[0].declarations).toEqual([
      { property: 'color', value: 'red', important: false },
      { property: 'margin', value: '0', important: true },
    ]);
    expect(sheet.keyframes.get('spin')!.map((k) => k.offset)).toEqual([0, 0.5, 1]);
  });

  test('a rule with an invalid selector is dropped, the next one kept; an unclosed sheet ends cleanly', () => {
    const sheet = parseStyleSheet('p::before { color: red } q { color: blue } r { color: green');
    expect(sheet.rules.map((r) => r.selectors[0].text)).toEqual(['q', 'r']);
  });

  test('a comment-like string inside an attribute selector is a string, not a comment', () => {
    const s = styles(`<style>[data-x="/*"] { color: red } p { background-color: blue }</style>
      <p id="p" data-x="/*">x</p>`);
    expect(s.get('p')!.color).toBe(parseColor('red'));
    expect(s.get('p')!.backgroundColor).toBe(parseColor('blue'));
  });

  test('a comma inside an attribute value does not split the selector list', () => {
    const sheet = parseStyleSheet('[title="a,b"] { color: red }');
    expect(sheet.rules.map((r) => r.selectors.length)).toEqual([1]);
    const s = styles('<style>[title="a,b"] { color: red }</style><p id="p" title="a,b">x</p><p id="q" title="a">y</p>');
    expect(s.get('p')!.color).toBe(parseColor('red'));
    expect(s.get('q')!.color).toBe('#000000'); // the initial colour
  });

  test('HTML comment markers around a sheet are ignored, keeping its first rule', () => {
    const sheet = parseStyleSheet('<!-- p { color: red } q { color: blue } -->');
    expect(sheet.rules.map((r) => r.selectors.map((x) => x.text))).toEqual([['p'], ['q']]);
  });
});

describe('selectors', () => {
  const doc = parseHtml(
    '<div id="d" class="box big"><p id="p1">a</p><p id="p2" data-x="1"><span id="s">b</span></p></div>',
  );
  const el = (id: string) => findElement(doc, (e) => attr(e, 'id') === id)!;

  test('type, class, id, attribute, descendant, child and sibling combinators', () => {
    const cases: [string, string, boolean][] = [
      ['div.box.big', 'd', true],
      ['div.box.small', 'd', false],
      ['#d span', 's', true],
      ['div > span', 's', false],
      ['p > span', 's', true],
      ['#p1 + p', 'p2', true],
      ['#p2 + p', 'p1', false],
      ['#p1 ~ [data-x="1"]', 'p2', true],
      ['p:first-child', 'p1', true],
      ['p:last-child', 'p1', false],
      ['p:hover', 'p1', false],
      ['*', 's', true],
    ];
    for (const [sel, id, expected] of cases)
      expect([sel, matches(el(id), parseSelector(sel)!)]).toEqual([sel, expected]);
  });

  test('specificity counts ids, classes and types; unknown pseudo-elements are invalid', () => {
    expect(parseSelector('#a .b p')!.specificity).toBe(10101);
    expect(parseSelector('p::after')).toBeNull();
    expect(parseSelector('> p')).toBeNull();
  });
});

describe('cascade', () => {
  test('specificity, then order; inline style beats both; !important beats inline', () => {
    const s = styles(`<style>
      #a { color: green } p { color: red } p { color: blue }
      .imp { background-color: yellow !important }
    </style><p id="a" style="color: purple">x</p><p id="b">y</p><p id="c" class="imp" style="background-color: red">z</p>`);
    expect(s.get('a')!.color).toBe(parseColor('purple'));
    expect(s.get('b')!.color).toBe(parseColor('blue'));
    expect(s.get('c')!.backgroundColor).toBe(parseColor('yellow'));
  });

  test('inherited properties flow down, others do not; em refers to the element’s font size', () => {
    const s = styles(`<div id="outer" style="color: #123456; font-size: 20px; padding: 1em; border: 2px solid red">
      <p id="inner" style="font-size: 1.5em; margin: 1em 0">t</p></div>`);
    const inner = s.get('inner')!;
    expect(inner.color).toBe('#123456');
    expect(inner.fontSize).toBe(30);
    expect(inner.margin[0]).toEqual({ px: 30 });
    expect(inner.borderWidth).toEqual([0, 0, 0, 0]);
    expect(s.get('outer')!.padding[0]).toEqual({ px: 20 });
  });

  test('unsupported properties and unparsable values are ignored, keeping what came before', () => {
    const s = styles(
      '<p id="p" style="color: red; color: notacolour; width: 10px; width: banana; grid-template: none; display: flux">x</p>',
    );
    const p = s.get('p')!;
    expect(p.color).toBe(parseColor('red'));
    expect(p.width).toEqual({ px: 10 });
    expect(p.display).toBe('block');
  });

  test('user-agent styles: headings are bold and larger, lists indent, scripts are not displayed', () => {
    const s = styles('<h1 id="h">t</h1><ul id="u"><li id="l">x</li></ul><script id="sc"></script>');
    expect(s.get('h')).toMatchObject({ bold: true, fontSize: 32, display: 'block' });
    expect(s.get('u')!.padding[3]).toEqual({ px: 40 });
    expect(s.get('l')!.display).toBe('list-item');
    expect(s.get('sc')!.display).toBe('none');
  });
});

describe('values', () => {
  test('gradients: angle or side, positioned and spread stops; bad stops make the gradient invalid', () => {
    expect(parseGradient('linear-gradient(to right, red, blue 80%)')).toEqual({
      kind: 'linear',
      angleDeg: 90,
      stops: [
        { color: parseColor('red'), at: null },
        { color: parseColor('blue'), at: 0.8 },
      ],
    });
    expect(parseGradient('linear-gradient(45deg, red, blue)')!).toMatchObject({ angleDeg: 45 });
    expect(parseGradient('radial-gradient(circle, red, blue)')).toMatchObject({ kind: 'radial', circle: true });
    expect(parseGradient('linear-gradient(red, notacolour)')).toBeNull();
  });

  test('transforms, and the animation shorthand', () => {
    expect(parseTransform('translate(10px, 50%) rotate(90deg) scale(2)', ctx)).toEqual([
      { fn: 'translate', x: { px: 10 }, y: { pct: 50 } },
      { fn: 'rotate', rad: Math.PI / 2 },
      { fn: 'scale', x: 2, y: 2 },
    ]);
    expect(parseTransform('rotate(banana)', ctx)).toBeNull();
    expect(parseAnimation('spin 2s ease-in 0.5s infinite alternate')).toEqual({
      name: 'spin',
      durationMs: 2000,
      delayMs: 500,
      easing: [0.42, 0, 1, 1],
      iterations: Infinity,
      direction: 'alternate',
      fill: 'none',
    });
    expect(parseAnimation('spin')).toBeNull(); // no duration: no animation
  });
});

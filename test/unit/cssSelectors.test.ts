import { parseHtml } from '../../src/processes/renderer/page/dom/parseHtml';
import { attr, findElement } from '../../src/processes/renderer/page/dom/Dom';
import { parseStyleSheet } from '../../src/processes/renderer/page/css/CssParser';
import { bucketKey, matches, parseSelector } from '../../src/processes/renderer/page/css/Selectors';

const doc = parseHtml(`<ul id="list">
  <li id="l1" class="a" lang="en-GB" title="one two" data-u="https://x.example/a.png">1</li>
  <li id="l2">2</li><!-- a comment -->
  <li id="l3" class="a b">3</li>
  <p id="p1"></p>
  <li id="l4"><input id="box" type="checkbox" checked disabled></li>
</ul>`);
const el = (id: string) => findElement(doc, (e) => attr(e, 'id') === id)!;
/** Ids of the elements a selector matches, in document order. */
const selected = (sel: string) => {
  const s = parseSelector(sel);
  if (!s) throw new Error(`${sel} did not parse`);
  return ['list', 'l1', 'l2', 'l3', 'p1', 'l4', 'box'].filter((id) => matches(el(id), s));
};

describe('selectors through css-select', () => {
  test(':nth-child, :nth-last-child, :nth-of-type and friends count element siblings only', () => {
    expect(selected('li:nth-child(odd)')).toEqual(['l1', 'l3', 'l4']); // p1 is the fourth child
    expect(selected('li:nth-child(2n + 2)')).toEqual(['l2']);
    expect(selected(':nth-last-child(1)')).toEqual(['list', 'l4', 'box']);
    expect(selected('li:nth-of-type(4)')).toEqual(['l4']);
    expect(selected('li:nth-last-of-type(2)')).toEqual(['l3']);
    expect(selected('p:only-of-type')).toEqual(['p1']);
    expect(selected('p:empty')).toEqual(['p1']);
  });

  test(':not(), :is() and :where() take selector lists', () => {
    expect(selected('li:not(.a)')).toEqual(['l2', 'l4']);
    expect(selected('li:not(.a, #l4)')).toEqual(['l2']);
    expect(selected(':is(#l2, p)')).toEqual(['l2', 'p1']);
    expect(selected('ul > :where(.b)')).toEqual(['l3']);
  });

  test('attribute operators: ~= |= ^= $= *=, and the case flag', () => {
    expect(selected('[title~="two"]')).toEqual(['l1']);
    expect(selected('[title~="tw"]')).toEqual([]);
    expect(selected('[lang|="en"]')).toEqual(['l1']);
    expect(selected('[data-u^="https:"]')).toEqual(['l1']);
    expect(selected('[data-u$=".png"]')).toEqual(['l1']);
    expect(selected('[data-u*="x.example"]')).toEqual(['l1']);
    expect(selected('[title="ONE TWO" i]')).toEqual(['l1']);
    expect(selected('[title="ONE TWO"]')).toEqual([]);
  });

  test('dynamic pseudo-classes are valid and never match, even where css-select would', () => {
    for (const sel of ['input:checked', 'input:disabled', 'li:hover', 'a:visited', 'input:focus', ':focus-within'])
      expect([sel, selected(sel)]).toEqual([sel, []]);
  });

  test('what browsers reject, or Minium cannot do, is invalid: pseudo-elements, :has(), namespaces, !=', () => {
    for (const sel of ['p::before', 'li:has(input)', 'svg|a', '[x!=y]', ':contains(1)', ':nth-child(banana)', 'a <']) {
      expect([sel, parseSelector(sel)]).toEqual([sel, null]);
    }
  });

  test('specificity from the parsed selector: :is() and :not() count their most specific argument, :where() nothing', () => {
    const spec = (s: string) => parseSelector(s)!.specificity;
    expect(spec('li:nth-child(2)')).toBe(101);
    expect(spec('[id="l1"]')).toBe(100); // an attribute, not an id
    expect(spec(':not(#a, .b)')).toBe(10000);
    expect(spec(':is(p, .b) li')).toBe(101);
    expect(spec(':where(#a .b) li')).toBe(1);
    expect(spec('input:hover')).toBe(101);
  });

  test('rules are filed by the subject compound: id, then class, then tag, else universal', () => {
    const key = (s: string) => bucketKey(parseSelector(s)!);
    expect(key('#list .a > LI.b#l3')).toBe('#l3');
    expect(key('ul .a.b')).toBe('.a');
    expect(key('.a > LI:nth-child(2)')).toBe('li');
    expect(key('li > :not(.a)')).toBe('*');
  });

  test('an invalid selector drops only its own rule, never the sheet', () => {
    const sheet = parseStyleSheet('p::after { color: red } li:has(a) { color: red } li:nth-child(2) { color: blue }');
    expect(sheet.rules.map((r) => r.selectors[0].text)).toEqual(['li:nth-child(2)']);
  });
});

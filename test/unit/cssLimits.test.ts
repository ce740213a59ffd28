import { parseDeclarations, parseStyleSheet } from '../../src/processes/renderer/page/css/CssParser';
import { parseColor } from '../../src/processes/renderer/page/css/Values';
import { layout } from './render';
import { StyleResolver } from '../../src/processes/renderer/page/css/StyleResolver';
import { parseHtml } from '../../src/processes/renderer/page/dom/parseHtml';
import { attr, findElement } from '../../src/processes/renderer/page/dom/Dom';

/** Hostile or huge sheets: each must parse without throwing and keep what it can. */
describe('style sheets at their limits', () => {
  test('100 000 rules are filed and matched through their buckets', () => {
    const css = Array.from({ length: 100_000 }, (_, i) => `.c${i}{top:${i % 50}px}`).join('\n'); // 1.8 MB
    const doc = parseHtml(`<style>${css}</style><div id="d" class="c99999"></div>`);
    const resolver = StyleResolver.forDocument(doc, { w: 800, h: 600 });
    const d = findElement(doc, (e) => attr(e, 'id') === 'd')!;
    expect(resolver.compute(d, null).inset[0]).toEqual({ px: 99_999 % 50 });
  });

  test('a 1 MB selector, or one nested 100 000 deep, drops its rule only', () => {
    const long = `${'div '.repeat(250_000)}p { color: red }`;
    const deep = `${':not('.repeat(100_000)}p${')'.repeat(100_000)} { color: red }`;
    for (const bad of [long, deep]) {
      const sheet = parseStyleSheet(`${bad} q { color: blue }`);
      expect(sheet.rules.map((r) => r.selectors[0].text)).toEqual(['q']);
    }
  });

  test('a long selector list is kept; :not() nested beyond 32 levels drops its rule', () => {
    const list = Array.from({ length: 300 }, (_, i) => `main > section.part-${i} p`).join(', ');
    const nested = (depth: number) => `${':not('.repeat(depth)}q${')'.repeat(depth)}`;
    const sheet = parseStyleSheet(`${list} { color: red } ${nested(33)} { color: red } ${nested(32)} { color: red }`);
    expect(sheet.rules.map((r) => r.selectors.length)).toEqual([300, 1]);
    expect(sheet.rules[1].selectors[0].specificity).toBe(1);
  });

  test('deep nesting of blocks, brackets and functions does not overflow the stack', () => {
    for (const open of ['{', '[', '(', 'a(']) {
      expect(() => parseStyleSheet(`p { color: red } ${open.repeat(100_000)}`)).not.toThrow();
      expect(() => parseDeclarations(`width: calc(${open.repeat(100_000)}`)).not.toThrow();
    }
    const b = layout(`<p id="p" style="width: calc(${'('.repeat(50_000)}1px${')'.repeat(50_000)}); color: red">x</p>`);
    expect(b.get('p')!.style.color).toBe(parseColor('red'));
  });

  test('garbage in any position never throws out of the style engine', () => {
    const bits = [
      '{',
      '}',
      '(',
      ')',
      '[',
      ']',
      '"',
      "'",
      '/*',
      '*/',
      '<!--',
      '-->',
      '@media',
      ';',
      ':',
      ',',
      '\\',
      'p',
      '#a',
      '.b',
      '!important',
      'calc(',
      '%',
      'url(',
      '\n',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 300; n++) {
      const css = Array.from({ length: 60 }, () => bits[next() % bits.length]).join(next() % 2 ? ' ' : '');
      expect(() => layout(`<style>${css}</style><p id="p" style="${css.replace(/"/g, '')}">x</p>`)).not.toThrow();
    }
  });
});

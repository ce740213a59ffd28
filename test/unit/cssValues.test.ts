import { parseLength, parseTransform, resolveLength } from '../../src/processes/renderer/page/css/Values';
import { layout } from './render';

const ctx = { fontSize: 20, rootFontSize: 16, viewport: { w: 800, h: 600 } };

describe('lengths', () => {
  test('absolute units at 96 px per inch, and font-relative ex and ch', () => {
    expect(parseLength('1in', ctx)).toEqual({ px: 96 });
    expect(parseLength('2.54cm', ctx)).toEqual({ px: 96 });
    expect(parseLength('25.4mm', ctx)).toEqual({ px: 96 });
    expect(parseLength('1pc', ctx)).toEqual({ px: 16 });
    expect(parseLength('12pt', ctx)).toEqual({ px: 16 });
    expect(parseLength('2ex', ctx)).toEqual({ px: 20 });
    expect(parseLength('3ch', ctx)).toEqual({ px: 30 });
    expect(parseLength('1vmin', ctx)).toEqual({ px: 6 });
    expect(parseLength('3furlongs', ctx)).toBeNull();
  });

  test('calc() folds lengths to pixels and keeps a percentage for layout to resolve', () => {
    expect(parseLength('calc(100px - 2em)', ctx)).toEqual({ px: 60 });
    expect(parseLength('calc(2 * (10px + 1rem) / 4)', ctx)).toEqual({ px: 13 });
    expect(parseLength('calc(1in + 10vw - 1vh * 2)', ctx)).toEqual({ px: 96 + 80 - 12 });
    expect(parseLength('calc(100% / 4)', ctx)).toEqual({ pct: 25 });
    const mixed = parseLength('calc(50% - 10px)', ctx)!;
    expect(mixed).toEqual({ calc: { px: -10, pct: 50 } });
    expect(resolveLength(mixed, 300)).toBe(140);
  });

  test('calc() follows CSS type rules: invalid expressions change nothing', () => {
    for (const v of [
      'calc(10px+5px)', // + and - need spaces
      'calc(10px * 2px)',
      'calc(10px / 0)',
      'calc(10px / 1px)',
      'calc(10px + 2)',
      'calc(2)',
      'calc(1furlong)',
      'calc(var(--x))',
      `calc(${'('.repeat(600)}1px${')'.repeat(600)})`,
    ])
      expect([v, parseLength(v, ctx)]).toEqual([v, null]);
  });

  test('transform functions take calc() and the new units as arguments', () => {
    expect(parseTransform('translate(calc(50% - 1em), 1in)rotate(0.5turn)', ctx)).toEqual([
      { fn: 'translate', x: { calc: { px: -20, pct: 50 } }, y: { px: 96 } },
      { fn: 'rotate', rad: Math.PI },
    ]);
    expect(parseTransform('scale(2) banana', ctx)).toBeNull();
    expect(parseTransform('translate(1px 2px)', ctx)).toBeNull();
  });

  test('layout resolves a mixed calc() against the containing block', () => {
    const b = layout(`<body style="margin: 0"><div id="outer" style="width: 400px">
      <div id="inner" style="width: calc(100% - 2 * 30px); margin-left: calc(5% + 10px); height: calc(1in / 2)"></div></div></body>`);
    expect(b.get('inner')).toMatchObject({ w: 340, h: 48, x: 30 });
  });
});

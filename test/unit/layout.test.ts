import { frameView, layout } from './render';

describe('layout', () => {
  test('blocks stack; sibling margins collapse, and a first child’s margin collapses through its parent', () => {
    const b = layout(`<body style="margin: 10px"><div id="a" style="height: 50px; margin-bottom: 20px"></div>
      <div id="b" style="height: 30px; margin-top: 30px"></div>
      <section id="s"><p id="p" style="margin: 16px 0; height: 10px"></p></section></body>`);
    expect([b.get('a')!.x, b.get('a')!.y, b.get('a')!.w, b.get('a')!.h]).toEqual([10, 10, 780, 50]);
    expect(b.get('b')!.y).toBe(10 + 50 + 30); // max(20, 30), not 50
    // The p's 16 px top margin collapses with the b's 0 bottom margin through the section.
    expect(b.get('s')!.y).toBe(90 + 30 + 16);
    expect(b.get('p')!.y).toBe(b.get('s')!.y);
  });

  test('content-box sizes add padding and border; border-box does not; auto margins centre', () => {
    const b = layout(`<body style="margin: 0"><div id="c" style="width: 100px; padding: 10px; border: 5px solid"></div>
      <div id="bb" style="box-sizing: border-box; width: 100px; padding: 10px"></div>
      <div id="m" style="width: 200px; margin: 0 auto; height: 1px"></div></body>`);
    expect(b.get('c')!.w).toBe(130);
    expect(b.get('bb')!.w).toBe(100);
    expect(b.get('m')!.x).toBe(300);
  });

  test('flex: row with gap, flex grow shares the free space, justify and align', () => {
    const b =
      layout(`<body style="margin: 0"><div id="f" style="display: flex; gap: 20px; height: 100px; align-items: center">
      <div id="x" style="width: 100px; height: 40px"></div><div id="y" style="flex: 1; height: 10px"></div><div id="z" style="flex: 2; height: 10px"></div></div>
      <div style="display: flex; justify-content: space-between"><div id="l" style="width: 10px; height: 5px"></div><div id="r" style="width: 10px; height: 5px"></div></div></body>`);
    expect([b.get('x')!.x, b.get('x')!.y]).toEqual([0, 30]);
    expect(b.get('y')!.x).toBe(120);
    expect(b.get('y')!.w).toBeCloseTo((800 - 100 - 40) / 3, 0);
    expect(b.get('z')!.w).toBeCloseTo((2 * (800 - 100 - 40)) / 3, 0);
    expect(b.get('r')!.x).toBe(790);
  });

  test('text wraps at the container’s width, and inline-blocks sit side by side on a line', () => {
    const words = 'word '.repeat(60);
    const narrow = layout(
      `<body style="margin: 0"><p id="p" style="width: 200px; font-size: 16px; line-height: 20px; margin: 0">${words}</p></body>`,
    ).get('p')!;
    const wide = layout(
      `<body style="margin: 0"><p id="p" style="width: 600px; font-size: 16px; line-height: 20px; margin: 0">${words}</p></body>`,
    ).get('p')!;
    expect(narrow.h).toBeGreaterThan(wide.h);
    expect(narrow.h % 20).toBe(0);
    const lines = narrow.children[0].inline!.fragments.length;
    expect(lines).toBe(narrow.h / 20); // one fragment per line: a line's words of one style are one run
    const b = layout('<body><button id="b1">One</button> <button id="b2">Two</button></body>');
    expect(b.get('b2')!.y).toBe(b.get('b1')!.y);
    expect(b.get('b2')!.x).toBeGreaterThan(b.get('b1')!.x + b.get('b1')!.w);
  });

  test('percentages, min and max', () => {
    const b =
      layout(`<body style="margin: 0"><div id="o" style="width: 400px"><div id="i" style="width: 50%; height: 10px"></div>
      <div id="mx" style="max-width: 100px; height: 10px"></div><div id="mn" style="width: 10px; min-width: 60px; height: 10px"></div></div></body>`);
    expect(b.get('i')!.w).toBe(200);
    expect(b.get('mx')!.w).toBe(100);
    expect(b.get('mn')!.w).toBe(60);
  });

  test('elements nested past 128 levels are laid out as siblings at that depth (Blink flattens at 512)', () => {
    const depth = 2000;
    const html = `<body>${'<div>'.repeat(depth)}<span id="deep">deep</span>${'</div>'.repeat(depth)}</body>`;
    const view = frameView(html);
    const paint = view.update();
    const texts = paint.layers[0].items.filter((i) => i.op === 'text').map((i) => (i as { text: string }).text);
    expect(texts).toContain('deep');
  });
});

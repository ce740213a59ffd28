import type { DisplayItem } from '../../src/processes/renderer/paint/DisplayList';
import { attr } from '../../src/processes/renderer/page/dom/Dom';
import { frameView } from './render';

const items = (html: string) => frameView(html).update().layers[0].items;
const rects = (list: DisplayItem[]) => list.filter((i) => i.op === 'rect');

describe('paint', () => {
  test('backgrounds, borders with radius, gradients and text become display items at their boxes', () => {
    const list =
      items(`<body style="margin: 0"><div style="width: 100px; height: 50px; background: #ff0000; border: 4px solid #0000ff; border-radius: 8px"></div>
      <div style="height: 20px; background: linear-gradient(to right, red, blue)"></div><p style="margin: 0; color: #00ff00">Hi</p></body>`);
    expect(list[0]).toMatchObject({ op: 'rect', x: 0, y: 0, w: 108, h: 58, color: '#ff0000', radius: 8 });
    expect(list[1]).toMatchObject({ op: 'stroke', x: 2, y: 2, w: 104, h: 54, color: '#0000ff', width: 4 });
    expect(list[2]).toMatchObject({ op: 'gradient', x: 0, y: 58, w: 800, h: 20 });
    expect(list[3]).toMatchObject({ op: 'text', text: 'Hi', color: '#00ff00', x: 0 });
  });

  test('the body’s background is the page’s, painted by the compositor, not a second time', () => {
    const paint = frameView('<body style="background: #123456"><p>x</p></body>').update();
    expect(paint.background).toBe('#123456');
    expect(rects(paint.layers[0].items)).toEqual([]);
  });

  test('overflow: hidden clips descendants’ items', () => {
    const list = items(
      '<body style="margin: 0"><div style="overflow: hidden; width: 50px; height: 20px"><div style="width: ' +
        '200px; height: 200px; background: red"></div></div></body>',
    );
    expect(list[0].clip).toEqual({ x: 0, y: 0, w: 50, h: 20 });
  });

  test('composited layers: an animation with keyframes, a scroller and its contents, a plugin', () => {
    const paint =
      frameView(`<style>@keyframes spin { to { transform: rotate(360deg) } } .s { animation: spin 2s linear infinite; width: 40px; height: 40px }</style>
      <body style="margin: 0"><div class="s"></div><div style="overflow: scroll; height: 100px"><p style="height: 300px; margin: 0">long</p></div>
      <embed type="application/x-minium-clock" width="120" height="80"><div style="animation: nosuch 1s; width: 5px; height: 5px"></div></body>`).update();
    const [root, spin, scroller, plugin, ...rest] = paint.layers;
    expect(root).toMatchObject({ id: 0, parent: null, scrollable: true });
    expect(spin).toMatchObject({ parent: 0, bounds: { x: 0, y: 0, w: 40, h: 40 }, origin: { x: 20, y: 20 } });
    expect(spin.animation!.frames.map((f) => f.transform)).toEqual([[], [{ fn: 'rotate', rad: 2 * Math.PI }]]);
    expect(scroller).toMatchObject({
      parent: 0,
      scrollable: true,
      bounds: { x: 0, y: 40, w: 800, h: 100 },
      contentSize: { w: 800, h: 300 },
    });
    expect(scroller.items.some((i) => i.op === 'text' && i.text === 'long')).toBe(true);
    expect(plugin.plugin).toEqual({ instanceId: 1, mimeType: 'application/x-minium-clock' });
    expect(plugin.bounds).toMatchObject({ w: 120, h: 80 });
    expect(rest).toEqual([]); // an animation without keyframes gets no layer
  });

  test('hit testing finds the innermost element in a layer, and the scroller’s element inside its contents', () => {
    const view = frameView(
      '<body style="margin: 0"><div id="outer" style="padding: 20px"><button id="b">Press</button></div><div ' +
        'id="sc" style="overflow: scroll; height: 50px"><p id="in" style="width: 100px; height: 200px; margin: ' +
        '0">x</p></div></body>',
    );
    const paint = view.update();
    const id = (x: number, y: number, layer = 0) => {
      const el = view.hitTest(layer, x, y);
      return el ? (attr(el, 'id') ?? el.tagName) : null;
    };
    expect(id(25, 25)).toBe('b');
    expect(id(5, 5)).toBe('outer');
    const contents = paint.layers.find((l) => l.scrollable && l.id !== 0)!;
    expect(id(50, 150, contents.id)).toBe('in');
    expect(id(700, 150, contents.id)).toBe('sc');
  });
});

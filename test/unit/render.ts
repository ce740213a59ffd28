/** Test helper: a document laid out and painted by the main thread's real pipeline, in-process. */
import { createCanvas } from '@napi-rs/canvas';
import { registerFonts } from '../../src/processes/shared/Fonts';
import { FrameView } from '../../src/processes/renderer/page/FrameView';
import { parseHtml } from '../../src/processes/renderer/page/dom/parseHtml';
import type { Box } from '../../src/processes/renderer/page/layout/LayoutTree';

registerFonts();
const ctx = createCanvas(1, 1).getContext('2d');
export const measure = (text: string, font: string) => {
  ctx.font = font;
  return ctx.measureText(text).width;
};

export function frameView(html: string, viewport = { w: 800, h: 600 }): FrameView {
  let plugin = 0;
  return new FrameView(parseHtml(html), viewport, measure, () => ++plugin);
}

/** Every box with an element, by its id attribute. */
export function boxesById(root: Box): Map<string, Box> {
  const out = new Map<string, Box>();
  const stack = [root];
  while (stack.length) {
    const b = stack.pop()!;
    const id = b.el?.attrs.find((a) => a.name === 'id')?.value;
    if (id) out.set(id, b);
    stack.push(...b.children, ...b.atomics.values());
  }
  return out;
}

export function layout(html: string, viewport = { w: 800, h: 600 }): Map<string, Box> {
  return boxesById(frameView(html, viewport).styleAndLayout());
}

/**
 * The document tree is parse5's own tree; these helpers read and change it without recursion,
 * so a deeply nested page cannot overflow the stack.
 */
import type { DefaultTreeAdapterMap } from 'parse5';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];
export type TextNode = DefaultTreeAdapterMap['textNode'];
export type ParentNode = DefaultTreeAdapterMap['parentNode'];
export type Document = DefaultTreeAdapterMap['document'];

export function isElement(n: Node | null | undefined): n is Element {
  return !!n && 'tagName' in n;
}

export function isText(n: Node): n is TextNode {
  return n.nodeName === '#text';
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export function setAttr(el: Element, name: string, value: string | null): void {
  const i = el.attrs.findIndex((a) => a.name === name);
  if (value === null) {
    if (i >= 0) el.attrs.splice(i, 1);
  } else if (i >= 0) el.attrs[i] = { name, value };
  else el.attrs.push({ name, value });
}

export function classesOf(el: Element): string[] {
  const c = attr(el, 'class');
  return c ? c.split(/\s+/).filter(Boolean) : [];
}

export function parentElement(el: Node): Element | null {
  const p = (el as Element).parentNode;
  return isElement(p as Node) ? (p as Element) : null;
}

export function elementSiblings(el: Element): Element[] {
  const p = el.parentNode;
  return p ? p.childNodes.filter(isElement) : [el];
}

/** Every element under root in document order. */
export function* elements(root: ParentNode): Generator<Element> {
  const stack: Node[] = [...root.childNodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    yield n;
    const kids = n.tagName === 'template' ? [] : n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

export function findElement(root: ParentNode, test: (el: Element) => boolean): Element | undefined {
  for (const el of elements(root)) if (test(el)) return el;
  return undefined;
}

export function textContent(n: Node, limit = Infinity): string {
  let out = '';
  const stack: Node[] = [n];
  while (stack.length && out.length < limit) {
    const c = stack.pop()!;
    if (isText(c)) out += c.value;
    else if ('childNodes' in c) for (let i = c.childNodes.length - 1; i >= 0; i--) stack.push(c.childNodes[i]);
  }
  return out;
}

export function setTextContent(el: Element, value: string): void {
  for (const child of el.childNodes) (child as { parentNode: unknown }).parentNode = null;
  el.childNodes = value ? [{ nodeName: '#text', value, parentNode: el } as TextNode] : [];
}

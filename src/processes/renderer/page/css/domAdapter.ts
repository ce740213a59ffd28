/**
 * css-select's view of Minium's DOM (parse5's tree, read through `Dom`): how a compiled selector
 * walks parents, siblings, attributes and text. One adapter for the whole renderer; it holds no state.
 */
import type { Options } from 'css-select';
import { attr, type Element, isElement, type Node, textContent } from '../dom/Dom';

type Adapter = NonNullable<Options<Node, Element>['adapter']>;

function childrenOf(node: Node): Node[] {
  return 'childNodes' in node ? node.childNodes : [];
}

function parentOf(node: Node): Node | null {
  return 'parentNode' in node ? (node.parentNode as Node | null) : null;
}

function siblingsOf(node: Node): Node[] {
  const parent = parentOf(node);
  return parent ? childrenOf(parent) : [node];
}

function prevElementSibling(node: Node): Element | null {
  const siblings = siblingsOf(node);
  for (let i = siblings.indexOf(node) - 1; i >= 0; i--) if (isElement(siblings[i])) return siblings[i] as Element;
  return null;
}

/** Distinct nodes, without those inside another of them. */
function removeSubsets(nodes: Node[]): Node[] {
  const set = new Set(nodes);
  return [...set].filter((n) => {
    for (let p = parentOf(n); p; p = parentOf(p)) if (set.has(p)) return false;
    return true;
  });
}

export const domAdapter: Adapter = {
  isTag: isElement,
  getAttributeValue: attr,
  getChildren: childrenOf,
  getName: (el) => el.tagName,
  getParent: parentOf,
  getSiblings: siblingsOf,
  prevElementSibling,
  getText: (node) => textContent(node), // a comment holds no text, so `:empty` ignores it
  hasAttrib: (el, name) => attr(el, name) !== undefined,
  removeSubsets,
};

/**
 * Parses style sheets into rules with css-tree (CSS Syntax Level 3), forgiving as CSS requires: a
 * rule or declaration that cannot be read is dropped and parsing goes on after it. Style rules and
 * @keyframes are kept; every other at-rule (@media, @font-face, @import …) is skipped whole.
 * css-tree only tokenizes and cuts the sheet into rules here: preludes and values stay raw text,
 * read by `Selectors` and `Values`.
 */
import type { Block, CssNode, ParseOptions } from 'css-tree';
import generate from 'css-tree/generator';
import { parseCss, withoutComments } from './cssTokens';
import { parseSelectorList, type Selector } from './Selectors';

export interface Declaration {
  property: string;
  value: string;
  important: boolean;
}

export interface StyleRule {
  selectors: Selector[];
  declarations: Declaration[];
  /** Source order across every sheet of the document: later wins between equal specificities. */
  order: number;
}

export interface Keyframe {
  offset: number;
  declarations: Declaration[];
}

export interface StyleSheet {
  rules: StyleRule[];
  keyframes: Map<string, Keyframe[]>;
}

/** Beyond this a sheet (or a `style` attribute) is cut: the rest is not read. */
const MAX_SHEET_CHARS = 2_000_000;

const RAW: ParseOptions = {
  parseValue: false,
  parseRulePrelude: false,
  parseAtrulePrelude: false,
  parseCustomProperty: false,
};

export function parseStyleSheet(text: string, firstOrder = 0): StyleSheet {
  const sheet: StyleSheet = { rules: [], keyframes: new Map() };
  const ast = parseCss(text.slice(0, MAX_SHEET_CHARS), { ...RAW, context: 'stylesheet' });
  let order = firstOrder;
  forEachChild(ast, (node) => {
    if (node.type === 'Rule') {
      const selectors = parseSelectorList(withoutComments(rawText(node.prelude)));
      if (!selectors) return; // an invalid selector drops the whole rule, as in browsers
      sheet.rules.push({ selectors, declarations: declarationsOf(node.block), order: order++ });
    } else if (node.type === 'Atrule' && /^(-webkit-)?keyframes$/i.test(node.name) && node.block && node.prelude) {
      const name = withoutComments(rawText(node.prelude)).trim();
      if (/^-?[_a-zA-Z][\w-]*$/.test(name)) sheet.keyframes.set(name, keyframesOf(node.block));
    }
  });
  return sheet;
}

/** `color: red; margin: 0 !important` → declarations; malformed ones are dropped. */
export function parseDeclarations(text: string): Declaration[] {
  return declarationsOf(parseCss(text.slice(0, MAX_SHEET_CHARS), { ...RAW, context: 'declarationList' }));
}

function declarationsOf(block: CssNode): Declaration[] {
  const out: Declaration[] = [];
  forEachChild(block, (node) => {
    if (node.type !== 'Declaration') return; // nested rules and unreadable text
    const property = node.property.toLowerCase();
    const value = withoutComments(rawText(node.value)).trim();
    // `!ie`-style bangs other than !important make the declaration invalid.
    if (!/^-?[a-z][a-z-]*$/.test(property) || !value || typeof node.important === 'string') return;
    out.push({ property, value, important: node.important });
  });
  return out;
}

function keyframesOf(block: Block): Keyframe[] {
  const frames: Keyframe[] = [];
  forEachChild(block, (node) => {
    if (node.type !== 'Rule') return;
    const declarations = declarationsOf(node.block);
    for (const sel of withoutComments(rawText(node.prelude)).split(',')) {
      const s = sel.trim().toLowerCase();
      const offset = s === 'from' ? 0 : s === 'to' ? 1 : /^\d+(\.\d+)?%$/.test(s) ? Number(s.slice(0, -1)) / 100 : NaN;
      if (offset >= 0 && offset <= 1) frames.push({ offset, declarations });
    }
  });
  return frames.sort((a, b) => a.offset - b.offset);
}

function forEachChild(node: CssNode, visit: (child: CssNode) => void): void {
  if ('children' in node && node.children) node.children.forEach(visit);
}

function rawText(node: CssNode): string {
  return node.type === 'Raw' ? node.value : generate(node);
}

/**
 * The style engine's one way into css-tree (CSS Syntax Level 3): `parseCss`, and token-level
 * helpers for text the parser hands over raw — a selector or value without its comments, a value
 * split on its top-level commas.
 */
import type { CssNode, ParseOptions } from 'css-tree';
import generate from 'css-tree/generator';
import parse from 'css-tree/parser';
import { tokenize, tokenTypes } from 'css-tree/tokenizer';

/** Above this many characters a source is parsed by a css-tree instance of its own (see below). */
const BIG_SOURCE_CHARS = 64 * 1024;

/**
 * css-tree's parser keeps its token buffers at the size of the largest source it has read and
 * clears them whole on every parse: after one 2 MB sheet, each inline style would cost a
 * millisecond. A big source gets a fresh instance (~25 ms), so the shared one stays small. Only
 * the whole package makes fresh instances (`fork`), lexer and syntax data included: it is loaded
 * on the first big source, not by every page.
 */
export function parseCss(text: string, options: ParseOptions): CssNode {
  if (text.length <= BIG_SOURCE_CHARS) return parse(text, options);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { fork } = require('css-tree') as typeof import('css-tree');
  return fork({}).parse(text, options);
}

/** The text with each comment replaced by a space; strings and url()s are left as they are. */
export function withoutComments(text: string): string {
  if (!text.includes('/*')) return text;
  let out = '';
  tokenize(text, (type, start, end) => {
    out += type === tokenTypes.Comment ? ' ' : text.slice(start, end);
  });
  return out;
}

/** How deep parentheses and brackets nest in the text (strings and comments aside). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  tokenize(text, (type) => {
    if (isOpening(type)) max = Math.max(max, ++depth);
    else if (isClosing(type)) depth = Math.max(0, depth - 1);
  });
  return max;
}

function isOpening(type: number): boolean {
  return type === tokenTypes.Function || type === tokenTypes.LeftParenthesis || type === tokenTypes.LeftSquareBracket;
}

function isClosing(type: number): boolean {
  return type === tokenTypes.RightParenthesis || type === tokenTypes.RightSquareBracket;
}

/** Splits on commas outside parentheses, brackets and strings: `a(b, c), d` → [`a(b, c)`, ` d`]. */
export function splitCommas(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  tokenize(text, (type, start, end) => {
    if (isOpening(type)) depth++;
    else if (isClosing(type)) depth = Math.max(0, depth - 1);
    else if (type === tokenTypes.Comma && depth === 0) {
      parts.push(text.slice(from, start));
      from = end;
    }
  });
  parts.push(text.slice(from));
  return parts;
}

export interface FunctionCall {
  /** Lower-cased. */
  name: string;
  /** Each comma-separated argument as CSS text, nested functions (`calc()` …) included. */
  args: string[];
}

/** `rotate(1turn) translate(calc(50% - 1em), 2px)` → its functions; null if it holds anything else. */
export function functionCalls(text: string): FunctionCall[] | null {
  let invalid = false;
  const ast = parseCss(text, { context: 'value', onParseError: () => (invalid = true) });
  if (invalid || ast.type !== 'Value') return null;
  const calls: FunctionCall[] = [];
  for (const node of ast.children.toArray()) {
    if (node.type === 'WhiteSpace') continue;
    if (node.type !== 'Function') return null;
    const args: CssNode[][] = [[]];
    node.children.forEach((c) => {
      if (c.type === 'Operator' && c.value === ',') args.push([]);
      else args[args.length - 1].push(c);
    });
    calls.push({ name: node.name.toLowerCase(), args: args.map((a) => a.map((n) => generate(n)).join(' ')) });
  }
  return calls;
}

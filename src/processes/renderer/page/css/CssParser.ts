/**
 * Parses style sheets into rules, forgiving as CSS requires: a rule or declaration that cannot be
 * read is dropped and parsing goes on after it. Style rules and @keyframes are kept; every other
 * at-rule (@media, @font-face, @import …) is skipped whole.
 */
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

const MAX_SHEET_CHARS = 2_000_000;

export function parseStyleSheet(text: string, firstOrder = 0): StyleSheet {
  const sheet: StyleSheet = { rules: [], keyframes: new Map() };
  const css = stripComments(text.slice(0, MAX_SHEET_CHARS));
  let i = 0;
  let order = firstOrder;
  while (i < css.length) {
    const open = findOutside(css, '{', i);
    if (open < 0) break;
    // A statement at-rule (`@import url(x);`) ends at its semicolon, before any brace.
    const semi = findOutside(css, ';', i);
    if (css.slice(i).trimStart().startsWith('@') && semi >= 0 && semi < open) {
      i = semi + 1;
      continue;
    }
    const prelude = css.slice(i, open).trim();
    const close = matchingBrace(css, open);
    const body = css.slice(open + 1, close < 0 ? css.length : close);
    i = close < 0 ? css.length : close + 1;
    if (prelude.startsWith('@')) {
      const m = /^@(-webkit-)?keyframes\s+([\w-]+)/i.exec(prelude);
      if (m) sheet.keyframes.set(m[2], parseKeyframes(body));
      continue;
    }
    const selectors = parseSelectorList(prelude);
    if (!selectors) continue; // an invalid selector drops the whole rule, as in browsers
    sheet.rules.push({ selectors, declarations: parseDeclarations(body), order: order++ });
  }
  return sheet;
}

/** `color: red; margin: 0 !important` → declarations; malformed ones are dropped. */
export function parseDeclarations(text: string): Declaration[] {
  const out: Declaration[] = [];
  for (const part of splitOutside(stripComments(text), ';')) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    const property = part.slice(0, colon).trim().toLowerCase();
    let value = part.slice(colon + 1).trim();
    if (!/^-?[a-z][a-z-]*$/.test(property) || !value) continue;
    const important = /!\s*important$/i.test(value);
    if (important) value = value.replace(/!\s*important$/i, '').trim();
    out.push({ property, value, important });
  }
  return out;
}

function parseKeyframes(body: string): Keyframe[] {
  const frames: Keyframe[] = [];
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('{', i);
    if (open < 0) break;
    const close = matchingBrace(body, open);
    const declarations = parseDeclarations(body.slice(open + 1, close < 0 ? body.length : close));
    for (const sel of body.slice(i, open).split(',')) {
      const s = sel.trim().toLowerCase();
      const offset = s === 'from' ? 0 : s === 'to' ? 1 : /^\d+(\.\d+)?%$/.test(s) ? Number(s.slice(0, -1)) / 100 : NaN;
      if (offset >= 0 && offset <= 1) frames.push({ offset, declarations });
    }
    i = close < 0 ? body.length : close + 1;
  }
  return frames.sort((a, b) => a.offset - b.offset);
}

function stripComments(s: string): string {
  return s.replace(/\/\*[\s\S]*?(\*\/|$)/g, ' ');
}

/** Index of the brace closing the one at `open`, skipping strings; -1 if the sheet ends first. */
function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") i = endOfString(s, i);
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

function findOutside(s: string, ch: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") i = endOfString(s, i);
    else if (c === ch) return i;
  }
  return -1;
}

function endOfString(s: string, start: number): number {
  const end = s.indexOf(s[start], start + 1);
  return end < 0 ? s.length : end;
}

/** Splits on a separator outside parentheses and strings: `a(b;c); d` → [`a(b;c)`, ` d`]. */
export function splitOutside(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") i = endOfString(s, i);
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === sep && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

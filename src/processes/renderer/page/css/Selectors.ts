/**
 * CSS selectors, parsed by css-what and matched over Minium's DOM by css-select: type, universal,
 * #id, .class, attributes with every operator (=, ~=, |=, ^=, $=, *=, and the `i`/`s` flags),
 * the structural pseudo-classes (:first-child … :nth-last-of-type, :only-*, :empty, :root),
 * :not(), :is() and :where(), joined by descendant, child (>), next-sibling (+) and sibling (~)
 * combinators. Dynamic pseudo-classes (:hover, :focus …) are valid but never match here; anything
 * else (pseudo-elements, :has(), namespaces …) makes the selector invalid, which drops its rule as
 * browsers do.
 */
import { compile, type Options } from 'css-select';
import { AttributeAction, parse, type Selector as Token, SelectorType } from 'css-what';
import type { Element, Node } from '../dom/Dom';
import { nestingDepth, splitCommas } from './cssTokens';
import { domAdapter } from './domAdapter';

export interface Selector {
  /** css-what's tokens of this one complex selector, left to right. */
  tokens: Token[];
  /** a·10000 + b·100 + c (ids, classes-attributes-pseudo-classes, types), each at most 99. */
  specificity: number;
  text: string;
  /** Compiled by css-select on first use (at parse time if a pseudo-class takes arguments). */
  test: (el: Element) => boolean;
}

/** Longer selector lists are rejected before parsing. */
const MAX_SELECTOR_LIST_CHARS = 65_536;
/** css-what, css-select and this module recurse into :not() and :is(): deeper nesting is rejected. */
const MAX_SELECTOR_NESTING = 32;

const NEVER = ['hover', 'active', 'focus', 'focus-visible', 'focus-within', 'visited', 'target', 'checked', 'disabled'];
const STRUCTURAL = new Set([
  'first-child',
  'last-child',
  'only-child',
  'first-of-type',
  'last-of-type',
  'only-of-type',
  'nth-child',
  'nth-last-child',
  'nth-of-type',
  'nth-last-of-type',
  'empty',
  'root',
]);
const LOGICAL = new Set(['not', 'is', 'where']);
const COMBINATORS = new Set<string>([
  SelectorType.Descendant,
  SelectorType.Child,
  SelectorType.Adjacent,
  SelectorType.Sibling,
]);

const OPTIONS: Options<Node, Element> = {
  adapter: domAdapter,
  relativeSelector: false,
  // A user pseudo given as a selector takes precedence over css-select's own (`:checked` …).
  pseudos: Object.fromEntries(NEVER.map((name) => [name, ':not(*)'])),
};

/** `a, b > c` → one Selector per complex selector, or null if any of them is invalid. */
export function parseSelectorList(text: string): Selector[] | null {
  if (!text.trim() || text.length > MAX_SELECTOR_LIST_CHARS || nestingDepth(text) > MAX_SELECTOR_NESTING) return null;
  let list: Token[][];
  try {
    list = parse(text);
  } catch {
    return null; // css-what's syntax errors are what "invalid selector" means here
  }
  // css-what gives no source positions: each selector's own text comes from the same comma split.
  const texts = splitCommas(text);
  if (texts.length !== list.length) return null;
  const out: Selector[] = [];
  for (const [i, tokens] of list.entries()) {
    if (!isSupported(tokens)) return null;
    let compiled: Matcher | null = null;
    // css-select checks a pseudo-class's arguments (`:nth-child(banana)`) only when it compiles:
    // those selectors compile now, to be rejected here. The rest, nearly every selector of a sheet,
    // compile on first use, and with the buckets most are never used on a given page.
    if (tokens.some((t) => t.type === SelectorType.Pseudo && t.data !== null)) {
      try {
        compiled = compileTokens(tokens);
      } catch {
        return null;
      }
    }
    const test = (el: Element) => (compiled ??= compileTokens(tokens))(el);
    out.push({ tokens, specificity: encode(specificityOf(tokens)), text: texts[i].trim(), test });
  }
  return out;
}

type Matcher = (el: Element) => boolean;

/** css-select sorts and rewrites the tokens it compiles: it gets its own copy. */
function compileTokens(tokens: Token[]): Matcher {
  return compile<Node, Element>([structuredClone(tokens)], OPTIONS);
}

export function parseSelector(text: string): Selector | null {
  const list = parseSelectorList(text);
  return list?.length === 1 ? list[0] : null;
}

export function matches(el: Element, sel: Selector): boolean {
  return sel.test(el);
}

/** The key under which a rule is filed for quick lookup (as Blink's RuleSet): id, class, tag or none. */
export function bucketKey(sel: Selector): string {
  const subject = subjectOf(sel.tokens);
  const id = subject.find(isIdToken);
  if (id) return `#${id.value}`;
  const cls = subject.find(isClassToken);
  if (cls) return `.${cls.value}`;
  const tag = subject.find((t) => t.type === SelectorType.Tag);
  return tag ? tag.name.toLowerCase() : '*';
}

/** The rightmost compound: the tokens after the last combinator. */
function subjectOf(tokens: Token[]): Token[] {
  let i = tokens.length;
  while (i > 0 && !COMBINATORS.has(tokens[i - 1].type)) i--;
  return tokens.slice(i);
}

function isSupported(tokens: Token[]): boolean {
  if (!tokens.length || COMBINATORS.has(tokens[0].type) || COMBINATORS.has(tokens[tokens.length - 1].type))
    return false;
  return tokens.every((t) => {
    switch (t.type) {
      case SelectorType.Tag:
      case SelectorType.Universal:
        return t.namespace === null;
      case SelectorType.Attribute:
        return t.namespace === null && t.action !== AttributeAction.Not; // `!=` is jQuery's, not CSS
      case SelectorType.Pseudo:
        if (LOGICAL.has(t.name)) return Array.isArray(t.data) && t.data.every(isSupported);
        return (STRUCTURAL.has(t.name) || NEVER.includes(t.name)) && !Array.isArray(t.data);
      case SelectorType.PseudoElement:
        return false;
      default:
        return COMBINATORS.has(t.type); // not `<` (css-what's parent) nor `||`
    }
  });
}

type AttributeToken = Extract<Token, { type: SelectorType.Attribute }>;

// css-what writes `#x` and `.x` as attribute tokens; only those two carry the "quirks" case mode.
function isIdToken(t: Token): t is AttributeToken {
  return t.type === SelectorType.Attribute && t.name === 'id' && t.ignoreCase === 'quirks';
}

function isClassToken(t: Token): t is AttributeToken {
  return t.type === SelectorType.Attribute && t.name === 'class' && t.ignoreCase === 'quirks';
}

type Specificity = [number, number, number];

/** Selectors Level 4 §17: :is() and :not() count their most specific argument, :where() nothing. */
function specificityOf(tokens: Token[]): Specificity {
  const s: Specificity = [0, 0, 0];
  for (const t of tokens) {
    if (t.type === SelectorType.Attribute) s[isIdToken(t) ? 0 : 1]++;
    else if (t.type === SelectorType.Tag) s[2]++;
    else if (t.type === SelectorType.Pseudo && Array.isArray(t.data)) {
      if (t.name === 'where') continue;
      const most = t.data.map(specificityOf).reduce((a, b) => (encode(b) > encode(a) ? b : a));
      for (let i = 0; i < 3; i++) s[i] += most[i];
    } else if (t.type === SelectorType.Pseudo) s[1]++;
  }
  return s;
}

function encode([a, b, c]: Specificity): number {
  return Math.min(a, 99) * 10000 + Math.min(b, 99) * 100 + Math.min(c, 99);
}

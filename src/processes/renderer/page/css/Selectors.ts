/**
 * CSS selectors: type, universal, #id, .class, [attr], [attr=value], :first-child and
 * :last-child, joined by descendant, child (>), next-sibling (+) and sibling (~) combinators.
 * Dynamic pseudo-classes (:hover, :focus …) are valid but never match here; anything else
 * unknown makes the selector invalid, which drops its rule as browsers do.
 */
import { attr, classesOf, type Element, elementSiblings, parentElement } from '../dom/Dom';

interface Compound {
  tag: string | null;
  id: string | null;
  classes: string[];
  attrs: { name: string; value: string | null }[];
  pseudo: ('first-child' | 'last-child' | 'never')[];
}

type Combinator = ' ' | '>' | '+' | '~';

export interface Selector {
  /** Right to left: parts[0] is the subject; combinators[i] joins parts[i] to parts[i + 1]. */
  parts: Compound[];
  combinators: Combinator[];
  specificity: number;
  text: string;
}

const NEVER = new Set([
  'hover',
  'active',
  'focus',
  'focus-visible',
  'focus-within',
  'visited',
  'target',
  'checked',
  'disabled',
]);
const IDENT = /^-?[_a-zA-Z][\w-]*/;

export function parseSelectorList(text: string): Selector[] | null {
  const out: Selector[] = [];
  for (const part of text.split(',')) {
    const s = parseSelector(part.trim());
    if (!s) return null;
    out.push(s);
  }
  return out.length ? out : null;
}

export function parseSelector(text: string): Selector | null {
  if (!text || text.length > 1000) return null;
  const compounds: Compound[] = [];
  const combinators: Combinator[] = [];
  let s = text;
  let pending: Combinator | null = null;
  while (s.length) {
    const ws = /^\s+/.exec(s);
    if (ws) {
      s = s.slice(ws[0].length);
      if (compounds.length && !pending) pending = ' ';
      continue;
    }
    const comb = /^[>+~]/.exec(s);
    if (comb) {
      if (!compounds.length || (pending && pending !== ' ')) return null;
      pending = comb[0] as Combinator;
      s = s.slice(1);
      continue;
    }
    const parsed = parseCompound(s);
    if (!parsed) return null;
    if (compounds.length) combinators.push(pending ?? ' ');
    pending = null;
    compounds.push(parsed.compound);
    s = parsed.rest;
  }
  if (!compounds.length || (pending && pending !== ' ')) return null;
  let a = 0;
  let b = 0;
  let c = 0;
  for (const p of compounds) {
    if (p.id) a++;
    b += p.classes.length + p.attrs.length + p.pseudo.length;
    if (p.tag) c++;
  }
  return { parts: compounds.reverse(), combinators: combinators.reverse(), specificity: a * 10000 + b * 100 + c, text };
}

function parseCompound(input: string): { compound: Compound; rest: string } | null {
  const c: Compound = { tag: null, id: null, classes: [], attrs: [], pseudo: [] };
  let s = input;
  let any = false;
  if (s.startsWith('*')) {
    s = s.slice(1);
    any = true;
  } else {
    const m = IDENT.exec(s);
    if (m) {
      c.tag = m[0].toLowerCase();
      s = s.slice(m[0].length);
      any = true;
    }
  }
  for (;;) {
    let m: RegExpExecArray | null;
    if ((m = /^#(-?[_a-zA-Z0-9][\w-]*)/.exec(s))) c.id = m[1];
    else if ((m = /^\.(-?[_a-zA-Z][\w-]*)/.exec(s))) c.classes.push(m[1]);
    else if ((m = /^\[\s*([\w-]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*)?\]/.exec(s))) {
      c.attrs.push({ name: m[1].toLowerCase(), value: m[2] ?? m[3] ?? m[4] ?? null });
    } else if ((m = /^:([\w-]+)/.exec(s))) {
      const name = m[1].toLowerCase();
      if (name === 'first-child' || name === 'last-child') c.pseudo.push(name);
      else if (NEVER.has(name)) c.pseudo.push('never');
      else return null;
    } else break;
    s = s.slice(m[0].length);
    any = true;
  }
  return any ? { compound: c, rest: s } : null;
}

function matchesCompound(el: Element, c: Compound): boolean {
  if (c.tag && c.tag !== el.tagName) return false;
  if (c.id !== null && attr(el, 'id') !== c.id) return false;
  if (c.classes.length) {
    const have = classesOf(el);
    if (!c.classes.every((k) => have.includes(k))) return false;
  }
  for (const a of c.attrs) {
    const v = attr(el, a.name);
    if (v === undefined || (a.value !== null && v !== a.value)) return false;
  }
  for (const p of c.pseudo) {
    if (p === 'never') return false;
    const sibs = elementSiblings(el);
    if (p === 'first-child' && sibs[0] !== el) return false;
    if (p === 'last-child' && sibs[sibs.length - 1] !== el) return false;
  }
  return true;
}

export function matches(el: Element, sel: Selector): boolean {
  return matchFrom(el, sel, 0);
}

function matchFrom(el: Element, sel: Selector, i: number): boolean {
  if (!matchesCompound(el, sel.parts[i])) return false;
  if (i === sel.parts.length - 1) return true;
  const comb = sel.combinators[i];
  if (comb === '>') {
    const p = parentElement(el);
    return !!p && matchFrom(p, sel, i + 1);
  }
  if (comb === ' ') {
    for (let p = parentElement(el); p; p = parentElement(p)) if (matchFrom(p, sel, i + 1)) return true;
    return false;
  }
  const sibs = elementSiblings(el);
  const at = sibs.indexOf(el);
  if (comb === '+') return at > 0 && matchFrom(sibs[at - 1], sel, i + 1);
  for (let k = at - 1; k >= 0; k--) if (matchFrom(sibs[k], sel, i + 1)) return true;
  return false;
}

/** The key under which a rule is filed for quick lookup (as Blink's RuleSet): id, class, tag or none. */
export function bucketKey(sel: Selector): string {
  const subject = sel.parts[0];
  if (subject.id) return `#${subject.id}`;
  if (subject.classes.length) return `.${subject.classes[0]}`;
  if (subject.tag) return subject.tag;
  return '*';
}

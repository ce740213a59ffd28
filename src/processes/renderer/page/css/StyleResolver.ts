/**
 * The cascade (Blink's StyleResolver, small): for each element, the declarations of the
 * user-agent sheet, the page's <style> sheets and its `style` attribute, ordered by importance,
 * origin, specificity and source order, applied over what it inherits from its parent.
 */
import { attr, classesOf, type Document, type Element, elements, textContent } from '../dom/Dom';
import { type ComputedStyle, inheritFrom, initialStyle } from './ComputedStyle';
import {
  type Declaration,
  type Keyframe,
  parseDeclarations,
  parseStyleSheet,
  type StyleRule,
  type StyleSheet,
} from './CssParser';
import { bucketKey, matches, type Selector } from './Selectors';
import { applyDeclaration } from './properties';
import { UA_STYLE_SHEET } from './uaStyleSheet';

const enum Origin {
  UserAgent = 0,
  Author = 1,
  Inline = 2,
}

interface Candidate {
  decls: Declaration[];
  origin: Origin;
  specificity: number;
  order: number;
}

interface FiledRule {
  rule: StyleRule;
  selector: Selector;
  origin: Origin;
}

let uaSheet: StyleSheet | null = null;

export class StyleResolver {
  private readonly buckets = new Map<string, FiledRule[]>();
  readonly keyframes = new Map<string, Keyframe[]>();

  constructor(
    authorSheets: StyleSheet[],
    private readonly viewport: { w: number; h: number },
  ) {
    uaSheet ??= parseStyleSheet(UA_STYLE_SHEET);
    this.file(uaSheet, Origin.UserAgent);
    for (const sheet of authorSheets) {
      this.file(sheet, Origin.Author);
      for (const [name, frames] of sheet.keyframes) this.keyframes.set(name, frames);
    }
  }

  /** A resolver for the document's own <style> elements, in document order. */
  static forDocument(doc: Document, viewport: { w: number; h: number }): StyleResolver {
    const sheets: StyleSheet[] = [];
    let order = 0;
    for (const el of elements(doc)) {
      if (el.tagName !== 'style') continue;
      const sheet = parseStyleSheet(textContent(el), order);
      order += sheet.rules.length;
      sheets.push(sheet);
    }
    return new StyleResolver(sheets, viewport);
  }

  /** Computed style of one element, given its parent's. */
  compute(el: Element, parent: ComputedStyle | null, rootFontSize = 16): ComputedStyle {
    const candidates = this.matchingRules(el);
    const inline = attr(el, 'style');
    if (inline) candidates.push({ decls: parseDeclarations(inline), origin: Origin.Inline, specificity: 0, order: 0 });
    const ordered: Declaration[] = [];
    const normal = candidates.sort((a, b) => a.origin - b.origin || a.specificity - b.specificity || a.order - b.order);
    for (const c of normal) for (const d of c.decls) if (!d.important) ordered.push(d);
    // !important flips the origins: an important author declaration beats the inline style.
    for (const c of normal) for (const d of c.decls) if (d.important) ordered.push(d);

    const style = inheritFrom(parent);
    const parentStyle = parent ?? initialStyle();
    const ctx = { fontSize: parentStyle.fontSize, rootFontSize, viewport: this.viewport };
    // font-size first: every `em` of the element's other declarations refers to it.
    for (const d of ordered)
      if (d.property === 'font-size' || d.property === 'font') applyDeclaration(style, parentStyle, d, ctx);
    const own = { ...ctx, fontSize: style.fontSize };
    for (const d of ordered) if (d.property !== 'font-size') applyDeclaration(style, parentStyle, d, own);
    return style;
  }

  private matchingRules(el: Element): Candidate[] {
    const keys = ['*', el.tagName, ...classesOf(el).map((c) => `.${c}`)];
    const id = attr(el, 'id');
    if (id) keys.push(`#${id}`);
    const out: Candidate[] = [];
    for (const key of new Set(keys)) {
      for (const f of this.buckets.get(key) ?? []) {
        if (matches(el, f.selector))
          out.push({
            decls: f.rule.declarations,
            origin: f.origin,
            specificity: f.selector.specificity,
            order: f.rule.order,
          });
      }
    }
    return out;
  }

  private file(sheet: StyleSheet, origin: Origin): void {
    for (const rule of sheet.rules) {
      for (const selector of rule.selectors) {
        const key = bucketKey(selector);
        const list = this.buckets.get(key) ?? this.buckets.set(key, []).get(key)!;
        list.push({ rule, selector, origin });
      }
    }
  }
}

/**
 * `calc()` over lengths and percentages (CSS Values 4 §10): css-tree parses the expression, this
 * folds it to pixels plus a percentage, the percentage left for layout to resolve against its base.
 * Type rules as in CSS: + and − join like with like, * needs a plain number on one side, / a
 * non-zero number on its right; anything else makes the value invalid.
 */
import type { CssNode, List } from 'css-tree';
import { parseCss } from './cssTokens';
import { type LengthContext, pxPerUnit } from './lengthUnits';

export interface LinearLength {
  px: number;
  pct: number;
}

type Operand = { num: number } | LinearLength;

/** Longer expressions are not read (the parser and this evaluator recurse into parentheses). */
const MAX_CALC_CHARS = 1000;

/** `calc(50% - 2em)` → { px: -32, pct: 50 }; null if it is not a valid length calculation. */
export function evaluateCalc(value: string, ctx: LengthContext): LinearLength | null {
  if (value.length > MAX_CALC_CHARS) return null;
  let invalid = false;
  const ast = parseCss(value, { context: 'value', onParseError: () => (invalid = true) });
  const nodes = ast.type === 'Value' ? ast.children.toArray() : [];
  if (invalid || nodes.length !== 1 || !isCalc(nodes[0])) return null;
  const result = expression(childrenOf(nodes[0]), ctx);
  return result && !('num' in result) && Number.isFinite(result.px) && Number.isFinite(result.pct) ? result : null;
}

function isCalc(node: CssNode): boolean {
  return node.type === 'Function' && node.name.toLowerCase() === 'calc';
}

function childrenOf(node: CssNode): CssNode[] {
  return 'children' in node && node.children ? (node.children as List<CssNode>).toArray() : [];
}

/** Sums of products, left to right. */
function expression(nodes: CssNode[], ctx: LengthContext): Operand | null {
  const terms: { sign: 1 | -1; nodes: CssNode[] }[] = [{ sign: 1, nodes: [] }];
  for (const n of nodes) {
    if (n.type === 'Operator' && /^\s+[+-]\s+$/.test(n.value))
      terms.push({ sign: n.value.trim() === '-' ? -1 : 1, nodes: [] });
    else if (n.type !== 'WhiteSpace') terms[terms.length - 1].nodes.push(n);
  }
  let sum: Operand | null = null;
  for (const t of terms) {
    const p = product(t.nodes, ctx);
    if (!p) return null;
    const signed = scale(p, t.sign);
    if (sum === null) sum = signed;
    else if ('num' in sum && 'num' in signed) sum = { num: sum.num + signed.num };
    else if (!('num' in sum) && !('num' in signed)) sum = { px: sum.px + signed.px, pct: sum.pct + signed.pct };
    else return null;
  }
  return sum;
}

function product(nodes: CssNode[], ctx: LengthContext): Operand | null {
  if (nodes.length % 2 === 0) return null;
  let acc = operand(nodes[0], ctx);
  for (let i = 1; acc && i < nodes.length; i += 2) {
    const op = nodes[i];
    const right = operand(nodes[i + 1], ctx);
    if (op.type !== 'Operator' || !right) return null;
    if (op.value.trim() === '*') {
      if ('num' in right) acc = scale(acc, right.num);
      else if ('num' in acc) acc = scale(right, acc.num);
      else return null;
    } else if (op.value.trim() === '/' && 'num' in right && right.num !== 0) acc = scale(acc, 1 / right.num);
    else return null;
  }
  return acc;
}

function operand(node: CssNode, ctx: LengthContext): Operand | null {
  switch (node.type) {
    case 'Number':
      return { num: Number(node.value) };
    case 'Percentage':
      return { px: 0, pct: Number(node.value) };
    case 'Dimension': {
      const per = pxPerUnit(node.unit.toLowerCase(), ctx);
      return per === undefined ? null : { px: Number(node.value) * per, pct: 0 };
    }
    case 'Parentheses':
      return expression(childrenOf(node), ctx);
    case 'Function':
      return isCalc(node) ? expression(childrenOf(node), ctx) : null;
    default:
      return null;
  }
}

function scale(o: Operand, k: number): Operand {
  return 'num' in o ? { num: o.num * k } : { px: o.px * k, pct: o.pct * k };
}

/** An element's computed style: every property Minium uses, with its CSS initial value. */
import type { AnimationSpec } from '../../commit/PagePaint';
import type { Gradient } from '../../paint/DisplayList';
import type { Length, TransformFn } from './Values';

export type Display = 'block' | 'inline' | 'inline-block' | 'flex' | 'inline-flex' | 'list-item' | 'none';
type Edges<T> = [T, T, T, T]; // top, right, bottom, left

export interface ComputedStyle {
  display: Display;
  position: 'static' | 'relative' | 'absolute';
  inset: Edges<Length>;
  color: string;
  backgroundColor: string | null;
  backgroundImage: Gradient | null;
  fontSize: number;
  bold: boolean;
  italic: boolean;
  monospace: boolean;
  /** Pixels, or null for `normal`. */
  lineHeight: number | null;
  textAlign: 'left' | 'center' | 'right';
  whiteSpace: 'normal' | 'pre' | 'nowrap' | 'pre-wrap';
  textDecoration: 'none' | 'underline' | 'line-through';
  visibility: 'visible' | 'hidden';
  listStyle: 'disc' | 'decimal' | 'none';
  width: Length;
  height: Length;
  minWidth: Length;
  minHeight: Length;
  maxWidth: Length;
  maxHeight: Length;
  boxSizing: 'content-box' | 'border-box';
  margin: Edges<Length>;
  padding: Edges<Length>;
  borderWidth: Edges<number>;
  borderColor: Edges<string>;
  borderRadius: number;
  flexDirection: 'row' | 'column' | 'row-reverse' | 'column-reverse';
  flexWrap: 'nowrap' | 'wrap';
  justifyContent: 'flex-start' | 'flex-end' | 'center' | 'space-between' | 'space-around' | 'space-evenly';
  alignItems: 'stretch' | 'flex-start' | 'flex-end' | 'center' | 'baseline';
  alignSelf: 'auto' | 'stretch' | 'flex-start' | 'flex-end' | 'center' | 'baseline';
  flexGrow: number;
  flexShrink: number;
  flexBasis: Length;
  rowGap: number;
  columnGap: number;
  overflow: 'visible' | 'hidden' | 'scroll' | 'auto';
  transform: TransformFn[];
  opacity: number;
  animation: AnimationSpec | null;
  willChange: boolean;
}

export const INHERITED = [
  'color',
  'fontSize',
  'bold',
  'italic',
  'monospace',
  'lineHeight',
  'textAlign',
  'whiteSpace',
  'textDecoration',
  'visibility',
  'listStyle',
] as const;

export function initialStyle(): ComputedStyle {
  const zero = { px: 0 };
  return {
    display: 'inline',
    position: 'static',
    inset: ['auto', 'auto', 'auto', 'auto'],
    color: '#000000',
    backgroundColor: null,
    backgroundImage: null,
    fontSize: 16,
    bold: false,
    italic: false,
    monospace: false,
    lineHeight: null,
    textAlign: 'left',
    whiteSpace: 'normal',
    textDecoration: 'none',
    visibility: 'visible',
    listStyle: 'disc',
    width: 'auto',
    height: 'auto',
    minWidth: 'auto',
    minHeight: 'auto',
    maxWidth: 'auto',
    maxHeight: 'auto',
    boxSizing: 'content-box',
    margin: [zero, zero, zero, zero],
    padding: [zero, zero, zero, zero],
    borderWidth: [0, 0, 0, 0],
    borderColor: ['#000000', '#000000', '#000000', '#000000'],
    borderRadius: 0,
    flexDirection: 'row',
    flexWrap: 'nowrap',
    justifyContent: 'flex-start',
    alignItems: 'stretch',
    alignSelf: 'auto',
    flexGrow: 0,
    flexShrink: 1,
    flexBasis: 'auto',
    rowGap: 0,
    columnGap: 0,
    overflow: 'visible',
    transform: [],
    opacity: 1,
    animation: null,
    willChange: false,
  };
}

/** Inherited properties from the parent, the rest at their initial values. */
export function inheritFrom(parent: ComputedStyle | null): ComputedStyle {
  const s = initialStyle();
  if (!parent) return s;
  for (const k of INHERITED) (s as unknown as Record<string, unknown>)[k] = parent[k];
  return s;
}

/** Pixel size of a font for canvas text. */
export function fontOf(s: ComputedStyle): string {
  const family = s.monospace ? 'Minium Mono' : 'Minium Sans';
  return `${s.italic ? 'italic ' : ''}${s.bold ? 'bold ' : ''}${s.fontSize}px "${family}"`;
}

export function lineHeightOf(s: ComputedStyle): number {
  return s.lineHeight ?? Math.round(s.fontSize * 1.25);
}

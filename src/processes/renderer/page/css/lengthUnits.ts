/** CSS's absolute, font-relative and viewport length units, in CSS pixels (96 per inch). */
export interface LengthContext {
  fontSize: number;
  rootFontSize: number;
  viewport: { w: number; h: number };
}

/** Pixels per unit, or undefined for a unit Minium does not know. */
export function pxPerUnit(unit: string, ctx: LengthContext): number | undefined {
  switch (unit) {
    case 'px':
      return 1;
    case 'in':
      return 96;
    case 'cm':
      return 96 / 2.54;
    case 'mm':
      return 96 / 25.4;
    case 'q':
      return 96 / 101.6;
    case 'pt':
      return 96 / 72;
    case 'pc':
      return 16;
    case 'em':
      return ctx.fontSize;
    case 'rem':
      return ctx.rootFontSize;
    // The font's x-height and "0" advance are not measured: CSS Values 4 allows 0.5em for both.
    case 'ex':
    case 'ch':
      return ctx.fontSize / 2;
    case 'vw':
      return ctx.viewport.w / 100;
    case 'vh':
      return ctx.viewport.h / 100;
    case 'vmin':
      return Math.min(ctx.viewport.w, ctx.viewport.h) / 100;
    case 'vmax':
      return Math.max(ctx.viewport.w, ctx.viewport.h) / 100;
    default:
      return undefined;
  }
}

/**
 * The small slice of CSS that pages get before the rendering-pipeline issue: inline `style`
 * declarations. Unknown properties and unparsable values are ignored, as browsers ignore them.
 */
export interface BoxStyle {
  color?: string;
  background?: string;
  fontSize?: number;
  bold?: boolean;
  width?: number;
  height?: number;
  padding?: number;
  radius?: number;
  align?: 'left' | 'center';
  animation?: { name: string; durationMs: number };
}

export function parseInlineStyle(text: string | undefined): BoxStyle {
  const style: BoxStyle = {};
  if (!text) return style;
  for (const decl of text.split(';')) {
    const colon = decl.indexOf(':');
    if (colon < 0) continue;
    const prop = decl.slice(0, colon).trim().toLowerCase();
    const value = decl.slice(colon + 1).trim();
    switch (prop) {
      case 'color':
        style.color = value;
        break;
      case 'background':
      case 'background-color':
        style.background = value;
        break;
      case 'font-size':
        style.fontSize = px(value) ?? style.fontSize;
        break;
      case 'font-weight':
        style.bold = value === 'bold' || Number(value) >= 600;
        break;
      case 'width':
        style.width = px(value) ?? style.width;
        break;
      case 'height':
        style.height = px(value) ?? style.height;
        break;
      case 'padding':
        style.padding = px(value) ?? style.padding;
        break;
      case 'border-radius':
        style.radius = px(value) ?? style.radius;
        break;
      case 'text-align':
        if (value === 'center' || value === 'left') style.align = value;
        break;
      case 'animation':
        style.animation = parseAnimation(value) ?? style.animation;
        break;
    }
  }
  return style;
}

function px(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(px)?$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n <= 10000 ? n : undefined;
}

/** `animation: spin 2s linear infinite` → name and duration; only infinite animations are supported so far. */
function parseAnimation(value: string): { name: string; durationMs: number } | undefined {
  const parts = value.split(/\s+/);
  const duration = parts.map((p) => /^(\d+(?:\.\d+)?)(ms|s)$/.exec(p)).find(Boolean);
  const name = parts.find((p) => /^[a-z][a-z-]*$/i.test(p) && !['linear', 'ease', 'ease-in-out', 'infinite', 'alternate'].includes(p));
  if (!name || !duration) return undefined;
  const ms = Number(duration[1]) * (duration[2] === 's' ? 1000 : 1);
  return ms >= 50 && ms <= 600000 ? { name, durationMs: ms } : undefined;
}

/**
 * The HTML tree-building algorithm looks down the stack of open elements for every new element,
 * so a document nested N deep costs N² (parse5 needs about a minute for 100 000 levels). Blink
 * caps tree depth at 512 for the same reason. Minium measures the depth first, cheaply, and
 * refuses a document deeper than it can build in reasonable time, with a readable reason.
 */
export const MAX_NESTING_DEPTH = 4096;

// Void elements never open a level; these close themselves implicitly when a sibling starts.
const NO_DEPTH = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'tr',
  'td',
  'th',
]);

export function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  const tag = /<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2].toLowerCase();
    if (NO_DEPTH.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else max = Math.max(max, ++depth);
  }
  return max;
}

export function assertBuildable(html: string): void {
  const depth = nestingDepth(html);
  if (depth > MAX_NESTING_DEPTH) {
    throw new Error(
      `The page nests elements ${depth} levels deep; Minium builds documents of at most ${MAX_NESTING_DEPTH} ` +
        `levels (Blink stops nesting at 512).`,
    );
  }
}

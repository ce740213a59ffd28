/**
 * The parts of css-tree the style engine loads on their own: the package exports them apart, but
 * @types/css-tree declares only the whole, whose lexer and CSS syntax data (~3 MB of heap on the
 * main thread) the engine never uses.
 */
declare module 'css-tree/parser' {
  import type { CssNode, ParseOptions } from 'css-tree';
  const parse: (text: string, options?: ParseOptions) => CssNode;
  export = parse;
}

declare module 'css-tree/generator' {
  import type { CssNode } from 'css-tree';
  const generate: (ast: CssNode) => string;
  export = generate;
}

declare module 'css-tree/tokenizer' {
  export { tokenize, tokenTypes } from 'css-tree';
}

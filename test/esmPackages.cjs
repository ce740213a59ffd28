// Jest's own module loader cannot require() an ES module under Node 20 (Node itself can, and the
// renderer does at run time). css-select and the packages it imports ship only ES modules, so
// Jest sees them rewritten to CommonJS by esbuild; the rest of the tree runs as compiled.
const { transformSync } = require('esbuild');

/** The ES-module-only packages the style engine loads (css-select's import graph). */
const ESM_PACKAGES = [
  'css-select',
  'css-what',
  'boolbase',
  'nth-check',
  'domutils',
  'domhandler',
  'dom-serializer',
  'entities',
  'domelementtype',
];

module.exports = {
  ESM_PACKAGES,
  process(source, filename) {
    const { code, map } = transformSync(source, {
      format: 'cjs',
      loader: 'js',
      sourcefile: filename,
      sourcemap: true,
      target: 'node20',
    });
    return { code, map };
  },
};

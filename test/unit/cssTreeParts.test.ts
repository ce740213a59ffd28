/**
 * The style engine loads css-tree's parser, generator and tokenizer, not its lexer and CSS syntax
 * data (several MB of every main thread's heap); the whole package only for a big source's fresh parser.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { APP_ROOT } from '../../src/platform/paths';

const CSS_TOKENS = path.join(APP_ROOT, 'dist', 'src', 'processes', 'renderer', 'page', 'css', 'cssTokens.js');

// Runs in a fresh Node: parse a small source, then a big one, listing what each step loaded.
const PROBE = `
const { parseCss } = require(${JSON.stringify(CSS_TOKENS)});
const loaded = () => Object.keys(require.cache).filter((m) => /mdn-data|css-tree.cjs.lexer/.test(m)).length;
const small = parseCss('a { color: red }', { context: 'stylesheet' });
const afterSmall = loaded();
const big = parseCss('a { color: red }\\n'.repeat(5000), { context: 'stylesheet' });
console.log(JSON.stringify({ afterSmall, afterBig: loaded(), small: small.children.size, big: big.children.size }));
`;

test('a page’s CSS is parsed without css-tree’s lexer; a big source still parses whole', () => {
  const out = JSON.parse(execFileSync(process.execPath, ['-e', PROBE], { encoding: 'utf8' }));
  expect(out).toEqual({ afterSmall: 0, afterBig: expect.any(Number), small: 1, big: 5000 });
  expect(out.afterBig).toBeGreaterThan(0);
});

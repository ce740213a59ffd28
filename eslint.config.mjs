// One lint configuration for the whole tree: typescript-eslint's recommended rules, with Prettier
// owning layout (eslint-config-prettier turns off the rules that would fight it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', 'renderer/dist/', 'release/', 'scratch/', 'assets/sites/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  { files: ['renderer/src/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  // Tests poke at JSON answers and DOM nodes whose shapes they assert.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  prettier,
  // Prettier wraps code at 120 columns but leaves comments and long strings as written: max-len
  // (after eslint-config-prettier, which turns it off) holds them to the same width. A test's
  // sentences and fixture markup are data, and may run on.
  { rules: { 'max-len': ['error', { code: 120, ignoreUrls: true }] } },
  {
    files: ['test/**/*.ts'],
    rules: { 'max-len': ['error', { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true }] },
  },
);

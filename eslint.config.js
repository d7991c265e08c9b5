/**
 * One lint for the whole repository (`npm run lint`, with `prettier --check`): typescript-eslint's
 * strict type-checked rules for TypeScript, eslint-plugin-astro for .astro files, jsx-a11y for the
 * Preact islands. Formatting is Prettier's job (.prettierrc.json), so no style rules here.
 */
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/results/', 'data/', 'tests/fixtures/*/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers and booleans in template strings read fine ("wacht ${n} minuten").
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `() => res.end()` as a callback is clear; void results elsewhere are still flagged.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // The stores implement async interfaces; the in-memory one has nothing to await and says so honestly.
      '@typescript-eslint/require-await': 'off',
      // `let server; … use(() => server) … server = create()`: closures may read what is assigned later.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  ...astro.configs['flat/recommended'],
  // jsx-a11y: eslint-plugin-astro registers the plugin (for .astro files); the islands get its recommended rules too.
  ...astro.configs['flat/jsx-a11y-recommended'],
  {
    files: ['**/*.tsx'],
    rules: jsxA11y.flatConfigs.recommended.rules,
    // Preact writes `for` and `class`, as in HTML.
    settings: { 'jsx-a11y': { attributes: { for: ['htmlFor', 'for'] } } },
  },
  {
    // Type information is not available inside .astro files or plain JavaScript.
    files: ['**/*.astro', '**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['chat-server/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSAsExpression[expression.type='TSAsExpression'][expression.typeAnnotation.type='TSUnknownKeyword']",
          message: 'No `as unknown as` in the chat server: type the value (see chat-server/sockets/types.ts).',
        },
      ],
    },
  },
);

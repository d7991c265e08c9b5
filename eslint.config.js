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

/** The options jsx-a11y's recommended config gives a rule, to extend rather than copy them. */
function a11yOptions(rule) {
  const setting = jsxA11y.flatConfigs.recommended.rules[`jsx-a11y/${rule}`];
  return Array.isArray(setting) ? setting[1] : {};
}

export default tseslint.config(
  // What the tools write (as in .gitignore, which ESLint does not read): a leftover Stryker sandbox would be linted twice.
  {
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
      'data/',
      'tests/fixtures/*/dist/',
      'coverage/',
      'reports/',
      '.stryker-tmp/',
    ],
  },
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
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // A region that scrolls on its own (the chat log, a wide table) must be reachable by keyboard (WCAG 2.1.1, axe's
      // scrollable-region-focusable), so `log` and `region` may take tabIndex={0} as `tabpanel` may.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'log', 'region'], allowExpressionValues: true }],
      // Escape in a small inline form cancels it: the form hears the key its own fields and buttons let bubble.
      'jsx-a11y/no-noninteractive-element-interactions': ['error', { ...a11yOptions('no-noninteractive-element-interactions'), form: ['onKeyDown'] }],
    },
    // Preact writes `for` and `class`, as in HTML.
    settings: { 'jsx-a11y': { attributes: { for: ['htmlFor', 'for'] } } },
  },
  {
    // The standaardzinnen are an ARIA combobox: the keyboard works in the input (aria-activedescendant), the options
    // are never focused, so their click handler needs no key handler of its own.
    files: ['src/components/chat/ConsolePhrases.tsx'],
    rules: { 'jsx-a11y/click-events-have-key-events': 'off' },
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

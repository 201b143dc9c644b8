// ESLint runs one job here: it checks the regular expressions of src/ for catastrophic
// backtracking and other regexp mistakes (eslint-plugin-regexp), through typescript-eslint's
// parser. Formatting and the general lint rules belong to Biome (`npm run lint`).
// Run with `npm run lint:regexp` (eslint src).
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default [
  {
    files: ['src/**/*.ts', 'cli/src/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: 'module',
    },
    linterOptions: {
      // Biome owns the other rules; eslint-disable comments for them are not our business.
      reportUnusedDisableDirectives: 'off',
    },
    plugins: { regexp },
    rules: {
      ...regexp.configs['flat/recommended'].rules,
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
];

// Lint: typescript-eslint with type information (the project's tsconfig), size and complexity limits, no import
// cycles, and directive comments that must name their rule and give a reason. Formatting is Prettier's
// (`npm run format`); eslint-config-prettier switches off every rule that would disagree with it.
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// The no-unsafe-* family, turned off together where values are read untyped on purpose (tests' GraphQL payloads).
const UNTYPED_PAYLOADS_ALLOWED = {
  '@typescript-eslint/no-unsafe-member-access': 'off',
  '@typescript-eslint/no-unsafe-assignment': 'off',
  '@typescript-eslint/no-unsafe-argument': 'off',
  '@typescript-eslint/no-unsafe-call': 'off',
  '@typescript-eslint/no-unsafe-return': 'off',
};

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', '.data/**', '.test-data/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  comments.recommended,
  {
    files: ['**/*.ts'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      // import-x reads the imported modules itself (no-cycle follows them): with the TypeScript parser.
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      complexity: ['error', 15],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true }],
      'import-x/no-cycle': 'error',
      // `any` only with a reason on the same line: `// eslint-disable-line @typescript-eslint/no-explicit-any -- why`.
      '@typescript-eslint/no-explicit-any': 'error',
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }],
      '@eslint-community/eslint-comments/no-use': ['error', { allow: ['eslint-disable-line', 'eslint-disable-next-line'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Apollo plugin hooks and interface methods are async by contract, with or without an await inside.
      '@typescript-eslint/require-await': 'off',
      // The domain's string enums have their names as values (src/domain/enums.ts): a literal compares exactly.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  {
    // Tests read GraphQL JSON through payload types that are `any` with a reason where declared
    // (test/support/test-app.ts), and assert field by field: reading them is the point.
    files: ['test/**'],
    rules: {
      ...UNTYPED_PAYLOADS_ALLOWED,
      // Tests print what they saw for diagnosis (ws frames arrive as Buffers): any stringification will do.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      // A test reads top to bottom; its branches are the cases it tells apart.
      complexity: 'off',
    },
  },
  {
    // Data and tests: long by nature (tables of cases, one describe per feature); the other rules still apply.
    // Benchmark scenarios are scripts read top to bottom, like tests.
    files: ['src/demo/**', 'test/**', 'migrations/**', 'bench/**'],
    rules: { 'max-lines-per-function': 'off' },
  },
  {
    // Plain JavaScript configuration files: no type information to lint with.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { module: 'readonly', require: 'readonly', __dirname: 'readonly' } },
  },
  prettier,
);

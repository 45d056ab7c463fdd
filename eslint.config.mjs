// Lint rules, including the house rules of shared/DESIGN.md: database access only under lib/,
// process.env only in lib/config.ts, lib/ never imports app/, components/ or server/, raw SQL only
// in lib/<domain>/reads/, no focused tests. server/ (the web process's own HTTP edge) is held to
// the same rules as app/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const dbImports = {
  patterns: [
    { group: ['@/lib/db', '**/lib/db', '@prisma/client', '**/generated/prisma*'], message: 'Database access lives under lib/: call a lib/<domain> function.' },
  ],
};
const libImportPatterns = [
  { group: ['@/app/*', '@/components/*', '@/server/*', '**/app/*', '**/components/*', '**/server/*'], message: 'lib/ is the domain: it never imports app/, components/ or server/.' },
  { group: ['next/*', 'next'], message: 'No next/* in lib/ (lib/http is the one exception).' },
];
const rawSqlPattern = {
  group: ['@/lib/db', '**/lib/db', '../db', './db'],
  importNames: ['queryRows', 'sql', 'executeSql'],
  message: 'Raw SQL lives in lib/<domain>/reads/ (one typed row → view mapper each): call a read from there.',
};
const envAccess = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Read configuration through lib/config.ts (config()), not process.env.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', '.next/**', 'lib/generated/**', 'data/**', 'next-env.d.ts', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['app/**', 'components/**', 'scanner-worker/**', 'server/**', 'lib/**'],
    ignores: ['lib/config.ts'],
    rules: { 'no-restricted-syntax': ['error', envAccess] },
  },
  {
    files: ['app/**', 'components/**', 'scanner-worker/**', 'server/**'],
    ignores: ['**/*.test.ts'], // tests may look into the database to check what the code did
    rules: { 'no-restricted-imports': ['error', dbImports] },
  },
  {
    files: ['lib/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: libImportPatterns }] },
  },
  {
    // Raw SQL lives in lib/<domain>/reads/ (one typed row → view mapper per read), never elsewhere.
    files: ['lib/**'],
    ignores: ['lib/*/reads/**', 'lib/db.ts', '**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...libImportPatterns, rawSqlPattern] }] },
  },
  {
    files: ['lib/http/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@/app/*', '@/components/*', '@/server/*'], message: 'lib/ never imports app/, components/ or server/.' }, rawSqlPattern] }] },
  },
  {
    files: ['**/*.test.ts', 'e2e/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'Every test runs, every time.' },
        { object: 'it', property: 'skip', message: 'Every test runs, every time.' },
        { object: 'describe', property: 'only', message: 'Every test runs, every time.' },
        { object: 'describe', property: 'skip', message: 'Every test runs, every time.' },
        { object: 'test', property: 'only', message: 'Every test runs, every time.' },
        { object: 'test', property: 'skip', message: 'Every test runs, every time.' },
      ],
    },
  },
);

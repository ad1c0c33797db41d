// Type-checked lint rules, plus the layer boundaries of docs/ARCHITECTURE.md: the pure core
// (policy, engine, matrix, diff, render, diagnostics) may not reach the outside world.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const impure = [
  { group: ['@actions/*', '@octokit/*'], message: 'the pure core must not talk to GitHub' },
  {
    group: [
      'node:fs',
      'node:fs/*',
      'fs',
      'node:child_process',
      'child_process',
      'node:process',
      'process'
    ],
    message: 'the pure core does no I/O'
  }
]
const pureGlobs = [
  ...['policy', 'engine', 'matrix', 'diff', 'render', 'diagnostics', 'extract', 'risk', 'lint'].map(
    (folder) => `src/${folder}/**/*.ts`
  ),
  'src/catalog/catalog.ts',
  'src/catalog/catalog-from-data.ts',
  'src/catalog/managed-policies.ts',
  'src/principals/**/*.ts'
]

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'build/**',
      'coverage/**',
      '__tests__/fixtures/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.test.json'], tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ]
    }
  },
  ...pureGlobs.map((glob) => ({
    files: [glob],
    rules: {
      'no-restricted-imports': ['error', { patterns: impure }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'the pure core does not read the environment' }
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'time comes from the request context' },
        { object: 'Math', property: 'random', message: 'the core is deterministic' }
      ]
    }
  })),
  {
    files: ['__tests__/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off'
    }
  }
)

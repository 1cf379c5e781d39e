import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { builtinModules } from 'node:module'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]

/**
 * Layering, as VS Code enforces it: shared code is pure; core services never touch Electron;
 * the renderer reaches the core only through the contract.
 */
const layer = (files, paths, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: paths.map((name) => ({ name, message })),
        patterns: patterns.map((group) => ({ group: [group], message })),
      },
    ],
  },
})

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  layer(
    ['src/shared/**'],
    ['electron', 'react', 'react-dom', ...nodeBuiltins],
    ['**/main/**', '**/renderer/**', '**/preload/**'],
    'src/shared is pure TypeScript: no Node, Electron, React or other layers.',
  ),
  layer(
    ['src/main/**'],
    ['electron'],
    ['**/renderer/**', '**/preload/**'],
    'Core services must not import electron (only src/main/electron may) nor the renderer.',
  ),
  {
    files: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**', '**/preload/**'], message: 'The glue talks to the core.' },
          ],
        },
      ],
    },
  },
  layer(
    ['src/renderer/**'],
    ['electron', ...nodeBuiltins],
    ['**/main/**', '**/preload/**'],
    'The renderer talks only to the contract: no Node, Electron or main-process code.',
  ),
  layer(
    ['src/preload/**'],
    nodeBuiltins,
    ['**/main/**', '**/renderer/**'],
    'The preload exposes the contract only.',
  ),
)

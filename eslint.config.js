import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { builtinModules } from 'node:module'
import boundaries from 'eslint-plugin-boundaries'

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

/** A boundaries policy: files of layer `from` may import these layers (and no other). */
const may = (from, layers) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: { anyOf: layers } } } },
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
    [],
    'src/shared is pure TypeScript: no Node, Electron or React.',
  ),
  layer(
    ['src/main/core/**', 'src/main/transport/**', 'src/main/commands/**', 'src/main/*.ts'],
    ['electron'],
    [],
    'Only src/main/electron (and the preload) may import electron.',
  ),
  // Later blocks replace the rule's options for their files: this one repeats the electron ban.
  layer(
    ['src/main/core/*/**'],
    ['electron'],
    ['../handlers', '../../handlers', '../openCore', '../../openCore'],
    'A feature folder may not import electron, nor the composition root (core/handlers.ts, core/openCore.ts) that joins the features.',
  ),
  layer(
    ['src/renderer/**'],
    ['electron', ...nodeBuiltins],
    [],
    'The renderer talks only to the contract: no Node or Electron.',
  ),
  layer(['src/preload/**'], nodeBuiltins, [], 'The preload exposes the contract only.'),
  /**
   * Between Rapport's own layers, each lists what it MAY import (VS Code's code-layering, with
   * eslint-plugin-boundaries); anything not listed, or a file in no layer, is refused.
   */
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
      'boundaries/elements': [
        // The first that matches names the layer; src/main's own files are the entry points.
        ...[
          ['shared', 'src/shared'],
          ['core', 'src/main/core'],
          ['transport', 'src/main/transport'],
          ['electron', 'src/main/electron'],
          ['entry', 'src/main'],
          ['preload', 'src/preload'],
          ['renderer', 'src/renderer'],
        ].map(([type, pattern]) => ({ type, pattern, partialMatch: false })),
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            may('shared', ['shared']),
            may('core', ['core', 'shared']),
            may('transport', ['transport', 'core', 'shared']),
            may('electron', ['electron', 'transport', 'core', 'shared']),
            may('entry', ['transport', 'core', 'shared']),
            may('preload', ['shared']),
            may('renderer', ['renderer', 'shared']),
          ],
        },
      ],
    },
  },
)

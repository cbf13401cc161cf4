import { readdirSync } from 'node:fs'
import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Every folder in app/features is a feature; the rest of the app may use only
// its public entries (docs/decisions/001-feature-modules.md).
const FEATURES = readdirSync(new URL('./app/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

const OUTSIDE_FEATURES = ['./app/routes', './app/shared', './app/root.tsx', './app/entry.server.tsx', './app/entry.client.tsx', './app/startup.server.ts']
const featureBoundaries = FEATURES.map((feature) => ({
  target: [...OUTSIDE_FEATURES, ...FEATURES.filter((other) => other !== feature).map((other) => `./app/features/${other}`)],
  from: `./app/features/${feature}`,
  except: ['./index.ts', './index.server.ts'],
  message: `Use the public entry of the ${feature} feature (features/${feature} or features/${feature}/index.server), not its internals.`,
}))

export default tseslint.config(
  { ignores: ['build/**', 'node_modules/**', 'data/**', 'tests/.tmp/**', 'public/build/**', 'test-results/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    settings: {
      react: { version: 'detect' },
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    plugins: { react, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, 'import-x': importX },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      'react/prop-types': 'off',
      // A scrolling table is a focusable region so keyboard users can scroll it (axe: scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Modules form a graph without loops, type-only imports included: a loop is two modules that are really one, or a missing lower layer.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx,js}'],
    // The command line runs without the server, so it reads the analysis modules directly rather than a server entry that opens the database.
    ignores: ['app/cli/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...featureBoundaries,
            {
              target: './app/shared',
              from: ['./app/features', './app/routes'],
              message: 'app/shared is below every feature: it may not import one.',
            },
          ],
        },
      ],
    },
  },
  {
    // Routes read form bodies only through readForm(), which checks the Origin first.
    files: ['app/routes/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='formData']",
          message: 'Use readForm(request) from shared/request.server: it refuses cross-site posts.',
        },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/db.server', '**/db/schema', 'drizzle-orm*'], message: 'Routes call services; only services touch the database.' }] },
      ],
    },
  },
  {
    // Domain code and schemas are pure: no I/O, no database, no services.
    files: ['app/features/**/*.ts', 'app/shared/**/*.ts'],
    ignores: ['**/*.server.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/*.server', '**/db/**', 'node:*', 'drizzle-orm*'], message: 'Only *.server.ts modules touch the database or the machine.' }] },
      ],
    },
  },
)

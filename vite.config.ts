import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { vitePlugin as remix } from '@remix-run/dev'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
// The Remix plugin options (future flags, route conventions, ignored route
// files) are kept in remix.config.js and passed through unchanged.
import remixConfig from './remix.config.js'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

/**
 * Writes build/client-modules.json: which source modules each browser chunk
 * holds and which chunks it imports, at once or on demand, so that tests can
 * prove that no server-only code (drizzle, the statistics, db/) reaches the
 * browser and weigh the JavaScript each page loads. Outside build/client:
 * never served.
 */
function clientModules(): Plugin {
  return {
    name: 'lantern-client-modules',
    apply: 'build',
    writeBundle(options, bundle) {
      if (this.environment.name !== 'client' || !options.dir) return
      const chunks = Object.values(bundle).flatMap((c) =>
        c.type === 'chunk' ? [[c.fileName, { modules: Object.keys(c.modules).map((id) => id.replace(process.cwd() + '/', '')), imports: c.imports, dynamicImports: c.dynamicImports }]] : [],
      )
      writeFileSync(join(options.dir, '../client-modules.json'), JSON.stringify(Object.fromEntries(chunks), null, 1))
    },
  }
}

/**
 * The browser formats messages the server has already parsed (each page's
 * catalogue comes parsed), so it gets intl-messageformat without the ICU
 * parser: a quarter of its size.
 */
function noMessageParserInBrowser(): Plugin {
  return {
    name: 'lantern-no-message-parser-in-browser',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source !== '@formatjs/icu-messageformat-parser' || options.ssr || this.environment?.name === 'ssr') return null
      return this.resolve('@formatjs/icu-messageformat-parser/no-parser.js', importer, { ...options, skipSelf: true })
    },
  }
}

export default defineConfig({
  // Native modules are loaded by Node at run time, never bundled.
  // cldr reads its data files from beside its own code.
  ssr: { external: ['better-sqlite3', '@node-rs/argon2', 'cldr'] },
  // The dev dependency scanner follows route imports into *.server modules;
  // native packages must never be pre-bundled for the browser.
  optimizeDeps: { exclude: ['better-sqlite3', '@node-rs/argon2'] },
  build: {
    target: 'es2022',
    // Lantern's own modules do nothing when loaded but define what they export
    // (styles aside), so one that a page imports nothing from is left out: a
    // feature's index brings its components without its zod schemas.
    rollupOptions: { treeshake: { moduleSideEffects: (id) => !id.startsWith(`${process.cwd()}/app/`) || /\.css($|\?)/.test(id) } },
  },
  plugins: [!process.env.VITEST && remix(remixConfig), noMessageParserInBrowser(), clientModules()],
  test: {
    // Two cores: two workers at most, whatever the host reports.
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.{ts,tsx}'],
          globalSetup: ['tests/setup/global-setup.ts'],
          setupFiles: ['tests/setup/db-setup.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/e2e-server.ts'],
          setupFiles: ['tests/setup/e2e-db.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: the machine has two cores and the server needs one.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
})

// npm run i18n:extract — writes app/locales/en.json from the code: every
// message the code defines (formatjs extract), and every taxonomy label and
// description. Then it says, per language, which messages its translators
// still have to do and which the code no longer uses.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TAXONOMY_LISTS } from '../app/shared/taxonomy/taxonomy'
import { LOCALES } from '../app/shared/i18n/locales'

const out = join(mkdtempSync(join(tmpdir(), 'lantern-i18n-')), 'en.json')
execFileSync('npx', ['formatjs', 'extract', 'app/**/*.{ts,tsx}', '--additional-function-names', 't,tr,lazy,rich,notFound,forbidden', '--format', 'simple', '--throws', '--out-file', out], {
  stdio: ['ignore', 'ignore', 'inherit'],
})
const messages = JSON.parse(readFileSync(out, 'utf8')) as Record<string, string>

for (const [name, terms] of Object.entries(TAXONOMY_LISTS)) {
  for (const term of terms) {
    messages[`taxonomy.${name}.${term.code}`] = term.label
    messages[`taxonomy.${name}.${term.code}.description`] = term.description
  }
}

const sorted = Object.fromEntries(Object.entries(messages).sort(([a], [b]) => (a < b ? -1 : 1)))
const written = JSON.stringify(sorted, null, 2) + '\n'
// --check: the tests' mode, which changes nothing and fails when the English catalogue is behind the code.
if (process.argv.includes('--check')) {
  if (readFileSync('app/locales/en.json', 'utf8') !== written) {
    console.error('app/locales/en.json is not what the code defines: run npm run i18n:extract, then translate what it lists.')
    process.exit(1)
  }
  process.exit(0)
}
writeFileSync('app/locales/en.json', written)
console.log(`app/locales/en.json: ${Object.keys(sorted).length} messages`)

for (const locale of LOCALES.filter((l) => l !== 'en')) {
  const file = `app/locales/${locale}.json`
  const translated = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>
  const missing = Object.keys(sorted).filter((id) => !(id in translated))
  const unused = Object.keys(translated).filter((id) => !(id in sorted))
  console.log(`${file}: ${missing.length} to translate, ${unused.length} no longer used${missing.length ? `: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}` : ''}`)
}

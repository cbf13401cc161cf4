import { readdirSync, readFileSync } from 'node:fs'
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { describe, expect, it } from 'vitest'
import { LOCALES } from '../../app/shared/i18n/locales'

// The translators' files: every language has every message the code uses,
// each one valid ICU with the same arguments and choices as the English, and
// every plural form its language needs.

const catalogue = (locale: string) => JSON.parse(readFileSync(`app/locales/${locale}.json`, 'utf8')) as Record<string, string>
const english = catalogue('en')
const translations = LOCALES.filter((l) => l !== 'en')

/** Arguments by name with their kind, and each select's choices, found anywhere in a message. */
function shapeOf(elements: MessageFormatElement[], shape = { args: new Set<string>(), selects: new Map<string, string[]>(), plurals: [] as Record<string, unknown>[] }) {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) shape.args.add(`${el.value}:${el.type}`)
    if (el.type === TYPE.select) {
      shape.args.add(`${el.value}:select`)
      shape.selects.set(el.value, Object.keys(el.options).sort())
      for (const option of Object.values(el.options)) shapeOf(option.value, shape)
    }
    if (el.type === TYPE.plural) {
      shape.args.add(`${el.value}:plural`)
      shape.plurals.push(el.options)
      for (const option of Object.values(el.options)) shapeOf(option.value, shape)
    }
    if (el.type === TYPE.tag) {
      shape.args.add(`${el.value}:tag`)
      shapeOf(el.children, shape)
    }
  }
  return shape
}

/** The plural forms a language's whole numbers take (French's "many" is for millions, so it is not asked for). */
const formsOf = (locale: string) => {
  const rules = new Intl.PluralRules(locale)
  return new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)))
}

describe('the message catalogues', () => {
  it('hold in English every message the code defines, as the code words it', async () => {
    const { execFileSync } = await import('node:child_process')
    // The extraction command, in its checking mode: it fails when app/locales/en.json is behind the code.
    expect(() => execFileSync('npx', ['tsx', 'scripts/i18n-extract.ts', '--check'], { stdio: 'pipe' })).not.toThrow()
  }, 60_000)

  it('hold every message written in the code, however it is called', () => {
    // The extractor knows the calls it is told of; any descriptor it misses would show English to everyone.
    const files = (readdirSync('app', { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f))
    const ids = files.flatMap((file) => [...readFileSync(`app/${file}`, 'utf8').matchAll(/\bid: '([a-z0-9_.]+)',\s*defaultMessage:/g)].map((m) => m[1]!))
    expect(ids.length).toBeGreaterThan(1000)
    expect(ids.filter((id) => !(id in english))).toEqual([])
  })

  it.each(translations)('%s has every English message, and no other', (locale) => {
    const translated = catalogue(locale)
    expect(Object.keys(translated).filter((id) => !(id in english))).toEqual([])
    expect(Object.keys(english).filter((id) => !(id in translated))).toEqual([])
  })

  it.each(translations)('%s keeps every argument, choice and tag of the English, in valid ICU', (locale) => {
    const translated = catalogue(locale)
    const wrong: string[] = []
    for (const [id, text] of Object.entries(translated)) {
      const source = shapeOf(parse(english[id]!))
      let target
      try {
        target = shapeOf(parse(text))
      } catch (error) {
        wrong.push(`${id}: ${(error as Error).message}`)
        continue
      }
      if ([...source.args].sort().join() !== [...target.args].sort().join()) wrong.push(`${id}: arguments ${[...target.args]} ≠ ${[...source.args]}`)
      for (const [name, choices] of source.selects) if (target.selects.get(name)?.join() !== choices.join()) wrong.push(`${id}: choices of ${name}`)
    }
    expect(wrong).toEqual([])
  })

  it.each(translations)('%s gives every plural the forms its language needs', (locale) => {
    const needed = formsOf(locale)
    const missing: string[] = []
    for (const [id, text] of Object.entries(catalogue(locale))) {
      for (const options of shapeOf(parse(text)).plurals) {
        const forms = Object.keys(options)
        // An exact match (=0) stands in for the form of that one number only.
        const lacking = [...needed].filter((form) => !forms.includes(form) && !(form === 'other' && forms.includes('other')))
        if (lacking.length && !forms.includes('other')) missing.push(`${id}: ${lacking.join(', ')}`)
        else if (lacking.some((f) => f !== 'other')) missing.push(`${id}: ${lacking.join(', ')}`)
      }
    }
    expect(missing).toEqual([])
  })
})

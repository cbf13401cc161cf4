import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyseCommand } from '../../app/cli/analyse'
import { knownNote, noteWords } from '../../app/features/results/note-words'
import { inLocale } from '../../app/shared/i18n/index.server'
import { REFERENCE_DATA, REFERENCE_FILES } from '../reference-data'

// The analysis writes its notes in English; readers get them in their
// language. Over R's reference data, every note the engine writes must be
// one the rules know, or it would reach every reader in English.

async function notesOfReferenceData(): Promise<string[]> {
  const found = new Set<string>()
  for (const file of REFERENCE_FILES) {
    const outcome = await analyseCommand({ file: join(REFERENCE_DATA, file), format: 'json' })
    for (const row of JSON.parse(outcome.stdout) as { notes: string }[]) {
      // The file layout joins a record's notes with "; "; a note never starts with a space.
      for (const note of row.notes.split(/; (?=[a-zA-Z])(?!statistic = )/)) if (note) found.add(note)
    }
  }
  return [...found]
}

describe('the analysis notes in the reader’s words', () => {
  it('knows every note the engine writes over R’s reference data', { timeout: 120_000 }, async () => {
    const notes = await notesOfReferenceData()
    expect(notes.length).toBeGreaterThan(5)
    // Notes about a file's columns belong to the command line, which answers in English.
    expect(notes.filter((n) => !knownNote(n) && !/: not analysed, /.test(n))).toEqual([])
  })

  it('words them in Ukrainian with their numbers, and leaves an unknown note as written', () => {
    inLocale('uk', () => {
      expect(noteWords('fragile: n < 30 (12 matched respondents)')).toBe('нестійко: n < 30 (12 зіставлених респондентів)')
      expect(noteWords('not computable: nobody answered this question at endline')).toBe('не обчислюється: ніхто не відповів на це запитання у підсумковому опитуванні')
      expect(noteWords('something new the engine says')).toBe('something new the engine says')
    })
  })
})

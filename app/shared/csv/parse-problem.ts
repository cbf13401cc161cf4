import { defineMessages, tr } from '../i18n'

const said = defineMessages({
  missingQuotes: { id: 'csv.text.missing_quotes', defaultMessage: 'A quoted cell is never closed: a " is missing at its end.' },
  invalidQuotes: { id: 'csv.text.invalid_quotes', defaultMessage: 'A " inside a quoted cell must be doubled ("").' },
  fields: { id: 'csv.text.fields', defaultMessage: 'This row has a different number of cells from the header.' },
})

/** Papaparse's problem in the reader's words, by its code; its own English where Lantern has none. */
export function parseProblem(e: { code: string; message: string }): string {
  if (e.code === 'MissingQuotes') return tr(said.missingQuotes)
  if (e.code === 'InvalidQuotes') return tr(said.invalidQuotes)
  if (e.code === 'TooManyFields' || e.code === 'TooFewFields') return tr(said.fields)
  return e.message
}

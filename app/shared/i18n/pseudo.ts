import { isLiteralElement, isPluralElement, isSelectElement, isTagElement, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import type { ParsedCatalogue } from './messages'

// Pseudo-localisation of the English catalogue: every letter accented, and
// each text a third longer, bracketed so a cut-off end shows.

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻḾÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!]),
)

const accent = (text: string) => [...text].map((c) => ACCENTED[c] ?? c).join('')

function element(el: MessageFormatElement): MessageFormatElement {
  if (isLiteralElement(el)) {
    // The padding goes on words only: spaces and punctuation stay where they are.
    const letters = el.value.replace(/[^\p{L}]/gu, '').length
    return { ...el, value: accent(el.value) + (letters ? '·'.repeat(Math.ceil(letters * 0.3)) : '') }
  }
  if (isPluralElement(el) || isSelectElement(el)) {
    return { ...el, options: Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: o.value.map(element) }])) } as MessageFormatElement
  }
  if (isTagElement(el)) return { ...el, children: el.children.map(element) }
  return el
}

export function pseudoLocalise(catalogue: ParsedCatalogue): ParsedCatalogue {
  return Object.fromEntries(Object.entries(catalogue).map(([id, els]) => [id, [{ type: 0, value: '⟦' } as MessageFormatElement, ...els.map(element), { type: 0, value: '⟧' } as MessageFormatElement]]))
}

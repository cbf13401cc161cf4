import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser'

/**
 * A sentence a person reads, as code names it: a stable id that the
 * catalogues translate, and the English text (ICU MessageFormat) that
 * `npm run i18n:extract` copies into the English catalogue.
 */
export type Message = { id: string; defaultMessage: string; description?: string }

/**
 * A catalogue as the pages use it: each message already parsed, so the
 * browser needs no parser; a worker thread keeps the ICU text and parses a
 * message when it first needs it.
 */
export type Catalogue = Record<string, MessageFormatElement[] | string>
export type ParsedCatalogue = Record<string, MessageFormatElement[]>

export type Values = Record<string, string | number | Date | null | undefined>

/** A sentence decided where the data is (a service, a check) and worded where it is read. */
export type Sentence = { message: Message; values?: Values }

/** Marks messages for extraction; the identity at run time. */
export const defineMessages = <const T extends Record<string, Message>>(messages: T): T => messages
export const defineMessage = <const T extends Message>(message: T): T => message

export const sentence = (message: Message, values?: Values): Sentence => ({ message, values })

export const isSentence = (value: unknown): value is Sentence =>
  typeof value === 'object' && value !== null && 'message' in value && typeof (value as Sentence).message?.id === 'string'

import { eq } from 'drizzle-orm'
import { users } from '../../../db/schema'
import { db } from '../../shared/db.server'
import { localeOf, serverTranslator } from '../../shared/i18n/index.server'
import type { Translator } from '../../shared/i18n'

/** The translator for whoever sent the request. */
export function translatorOf(request: Request): Translator {
  return serverTranslator(localeOf(request))
}

/** A person's language, kept on their account: log-in sets it on each new browser. */
export function chooseLanguage(userId: number, locale: string) {
  db.update(users).set({ locale }).where(eq(users.id, userId)).run()
}

/** The language a person chose on their account, if any. */
export function languageOfAccount(userId: number): string | null {
  return db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)).get()?.locale ?? null
}

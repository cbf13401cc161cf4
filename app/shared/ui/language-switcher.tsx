import { Form, useLocation } from '@remix-run/react'
import { AUTONYMS, defineMessages, useT, type AnyLocale } from '../i18n'

const messages = defineMessages({
  label: { id: 'shell.language.label', defaultMessage: 'Language' },
  change: { id: 'shell.language.change', defaultMessage: 'Change' },
})

/**
 * A plain form, so it works without JavaScript; it reloads the whole
 * document, because the new language's catalogue comes with the page.
 */
export function LanguageSwitcher({ locale, offered }: { locale: AnyLocale; offered: readonly AnyLocale[] }) {
  const { t } = useT()
  const location = useLocation()
  return (
    <Form method="post" action="/language" reloadDocument className="language-switcher">
      <input type="hidden" name="returnTo" value={location.pathname + location.search} />
      <label htmlFor="language-switcher">{t(messages.label)}</label>
      <select id="language-switcher" name="locale" defaultValue={locale} className="select-compact">
        {offered.map((l) => (
          <option key={l} value={l} lang={l}>
            {AUTONYMS[l]}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--secondary button--small">
        {t(messages.change)}
      </button>
    </Form>
  )
}

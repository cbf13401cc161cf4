import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { registerCatalogue, replayingTranslator, SAME_WORDS_ID, setDocumentTranslator, translatorFor, type AnyLocale, type Catalogue } from './shared/i18n'

// The page's language's catalogue comes first: hydration renders every text
// again and must find the same words the server wrote. The server preloads
// it in the head, so this is no second round trip, and after the first page
// the browser has it kept. If it cannot be had, the page stays as the server
// sent it, which works without JavaScript.
async function hydrate() {
  const link = document.querySelector<HTMLLinkElement>('link[data-catalogue]')
  if (link) {
    const response = await fetch(link.href)
    if (!response.ok) return
    const locale = document.documentElement.lang as AnyLocale
    registerCatalogue(locale, (await response.json()) as Catalogue)
    const recorded = JSON.parse(document.getElementById(SAME_WORDS_ID)?.textContent || '{}') as Record<string, string>
    setDocumentTranslator(replayingTranslator(translatorFor(locale), recorded))
  }
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    )
  })
}

void hydrate()

import type { LoaderFunctionArgs } from '@remix-run/node'
import { isOffered, publishedCatalogue } from '../shared/i18n/index.server'
import { notFound } from '../shared/http.server'

// A language's catalogue, parsed, for the browser to hydrate with. Its
// address carries the content's version, so a browser keeps it for a year
// and asks again only when a translation changes.
export function loader({ params, request }: LoaderFunctionArgs) {
  const published = isOffered(params.locale) ? publishedCatalogue(params.locale) : null
  if (!published) notFound()
  const versioned = new URL(request.url).searchParams.get('v') === published.version
  return new Response(published.json, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  })
}

import { Link, useSearchParams } from '@remix-run/react'
import { useT } from '../i18n'

// The pieces of a GET filter form and its paging, shared by the registry
// and the coordination workspace: the URL is the state, so both work
// without JavaScript and can be bookmarked.

export function FilterSelect({ name, label, options, value }: { name: string; label: string; options: readonly { value: string; label: string }[]; value?: string | number }) {
  const { t } = useT()
  return (
    <div className="field">
      <label className="field__label" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value === undefined ? '' : String(value)} className="select">
        <option value="">{t({ id: 'filters.any', defaultMessage: 'Any' })}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export function FilterDate({ name, label, value }: { name: string; label: string; value?: string }) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <input id={`filter-${name}`} name={name} type="date" defaultValue={value ?? ''} className="input" />
    </div>
  )
}

/** Previous / next links that keep every other parameter of the current URL. */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const [search] = useSearchParams()
  const { t } = useT()
  if (pageCount <= 1) return null
  const pageLink = (to: number) => {
    const next = new URLSearchParams(search)
    next.set('page', String(to))
    return `?${next}`
  }
  return (
    <nav aria-label={t({ id: 'filters.pages', defaultMessage: 'Pages' })} className="pagination">
      {page > 1 ? <Link to={pageLink(page - 1)}>{t({ id: 'filters.previous_page', defaultMessage: 'Previous page' })}</Link> : null}
      <span>{t({ id: 'filters.page_of', defaultMessage: 'Page {page, number} of {count, number}' }, { page, count: pageCount })}</span>
      {page < pageCount ? <Link to={pageLink(page + 1)}>{t({ id: 'filters.next_page', defaultMessage: 'Next page' })}</Link> : null}
    </nav>
  )
}

import { useT } from '../i18n'

/** Shown only on paper: what the page is, for whom it was filtered, and when it was printed. */
export function PrintHeader({ title, details, date }: { title: string; details: string[]; date: string }) {
  const { t } = useT()
  return (
    <div className="print-header">
      <strong>{t({ id: 'ui.print_header.lantern', defaultMessage: 'Lantern · {title}' }, { title })}</strong>
      {details.length ? <span> · {details.join(' · ')}</span> : null}
      <span> · {t({ id: 'print.printed', defaultMessage: 'printed {date}' }, { date })}</span>
    </div>
  )
}

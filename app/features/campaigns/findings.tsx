import { Link } from '@remix-run/react'
import type { Finding } from './quality'
import { useT } from '../../shared/i18n'

/** The quality check's findings, each with its reason and how to fix it. */
export function Findings({ findings, editBase }: { findings: Finding[]; editBase?: string }) {
  const { t } = useT()
  if (findings.length === 0) {
    return (
      <div className="notice notice--success">
        <p>{t({ id: 'campaigns.findings.the_quality_check_finds_nothing_to', defaultMessage: 'The quality check finds nothing to improve.' })}</p>
      </div>
    )
  }
  return (
    <ul className="findings">
      {findings.map((f) => (
        <li key={f.code}>
          <strong>{f.title}</strong> {f.reason} {f.fix}{' '}
          {editBase ? <Link to={`${editBase}/${f.section}`}>{t({ id: 'campaigns.findings.fix_this', defaultMessage: 'Fix this' })}<span className="visually-hidden">: {f.title}</span></Link> : null}
        </li>
      ))}
    </ul>
  )
}

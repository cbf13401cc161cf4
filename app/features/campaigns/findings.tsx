import { Link } from '@remix-run/react'
import type { Finding } from './quality'

/** The quality check's findings, each with its reason and how to fix it. */
export function Findings({ findings, editBase }: { findings: Finding[]; editBase?: string }) {
  if (findings.length === 0) {
    return (
      <div className="notice notice--success">
        <p>The quality check finds nothing to improve.</p>
      </div>
    )
  }
  return (
    <ul className="findings">
      {findings.map((f) => (
        <li key={f.code}>
          <strong>{f.title}</strong> {f.reason} {f.fix}{' '}
          {editBase ? <Link to={`${editBase}/${f.section}`}>Fix this<span className="visually-hidden">: {f.title}</span></Link> : null}
        </li>
      ))}
    </ul>
  )
}

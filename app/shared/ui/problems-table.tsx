import type { CsvProblem } from '../csv/csv-file'
import { useT } from '../i18n'

// The problems of an uploaded file, one row each: where (line and column) and what.

export function ProblemsTable({ problems, label }: { problems: readonly CsvProblem[]; label?: string }) {
  const { t } = useT()
  return (
    <div className="table-wrap" role="region" aria-label={label ?? t({ id: 'problems.label', defaultMessage: 'Problems by line and column' })} tabIndex={0}>
      <table className="problems-table">
        <thead>
          <tr>
            <th scope="col">{t({ id: 'problems.line', defaultMessage: 'Line' })}</th>
            <th scope="col">{t({ id: 'problems.column', defaultMessage: 'Column' })}</th>
            <th scope="col">{t({ id: 'problems.problem', defaultMessage: 'Problem' })}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, n) => (
            <tr key={n}>
              <td>{p.line || '—'}</td>
              <td>{p.column || '—'}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

import type { CsvProblem } from '../csv/csv-file'

// The problems of an uploaded file, one row each: where (line and column) and what.

export function ProblemsTable({ problems, label = 'Problems by line and column' }: { problems: readonly CsvProblem[]; label?: string }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table className="problems-table">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
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

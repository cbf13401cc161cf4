/** Shown only on paper: what the page is, for whom it was filtered, and when it was printed. */
export function PrintHeader({ title, details, date }: { title: string; details: string[]; date: string }) {
  return (
    <div className="print-header">
      <strong>Lantern · {title}</strong>
      {details.length ? <span> · {details.join(' · ')}</span> : null}
      <span> · printed {date}</span>
    </div>
  )
}

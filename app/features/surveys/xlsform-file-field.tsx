import { useT } from '../../shared/i18n'
import { FieldError } from '../../shared/ui/forms'

/** The file field both XLSForm pages upload the form with, with the reason a file was refused. */
export function XlsFormFileField({ error }: { error: string | null }) {
  const { t } = useT()
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor="xlsform-file">
        {t({ id: 'surveys.languages.file', defaultMessage: 'XLSForm (.xlsx)' })}
      </label>
      {error ? <FieldError id="xlsform-file-error" messages={error} /> : null}
      <input
        id="xlsform-file"
        name="form"
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'xlsform-file-error' : undefined}
      />
    </div>
  )
}

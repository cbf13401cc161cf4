import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readSheets } from '../../app/shared/csv/xlsx.server'
import { formWords, type FormWords } from '../../app/features/surveys/xlsform'
import { constraintRange, formQuestions } from '../../app/features/surveys/xlsform-questions'

// A bilingual form as a planner writes it in a spreadsheet (tests/fixtures/xlsform/README.md).
async function form(name: string): Promise<FormWords> {
  const read = await readSheets(new Uint8Array(readFileSync(`tests/fixtures/xlsform/${name}`)), ['survey', 'choices', 'settings'])
  if (!read.ok) throw new Error(read.message)
  const words = formWords(read.sheets.survey ?? null, read.sheets.choices ?? null, read.sheets.settings ?? null)
  if (!words.ok) throw new Error(words.message)
  return words.value
}

describe('the questions of an XLSForm', () => {
  it('are offered with the type their XLSForm type and choices suggest, written in the form’s default language', async () => {
    const { offered } = formQuestions(await form('know-your-rights.xlsx'), new Set())
    expect(offered.map((q) => [q.code, q.type])).toEqual([
      ['knows_hotline', 'binary'],
      ['job_offer_check', 'single_choice'],
      ['heard_from', 'multiple_choice'],
      ['trust_recruiters', 'likert'],
      ['knowledge_score', 'score'],
      ['comments', 'free_text'],
    ])
    const byCode = Object.fromEntries(offered.map((q) => [q.code, q]))
    // The settings name Ukrainian the default language: the question is written in it, English is a translation.
    expect(byCode.job_offer_check).toMatchObject({
      text: 'Що слід зробити перед тим, як прийняти пропозицію роботи за кордоном?',
      options: [
        { code: 'check_agency', label: 'Перевірити агенцію в державному реєстрі' },
        { code: 'pay_fee', label: 'Заплатити внесок наперед' },
        { code: 'give_passport', label: 'Віддати паспорт роботодавцю' },
      ],
      translations: { en: { text: 'What should you do before accepting a job offer abroad?', options: { check_agency: 'Check the agency in the state register', pay_fee: 'Pay a fee in advance', give_passport: 'Hand the passport to the employer' } } },
    })
    // A yes/no question keeps no options (its answers are 1 and 0); a five-point scale keeps the form's words for its points.
    expect(byCode.knows_hotline).toMatchObject({ options: [], translations: { en: { text: 'Do you know the anti-trafficking hotline number?' } } })
    expect(byCode.trust_recruiters!.options.map((o) => o.label)).toEqual(['Зовсім не згоден', 'Не згоден', 'Ні те, ні інше', 'Згоден', 'Цілком згоден'])
    // The score's range comes from the form's constraint.
    expect(byCode.knowledge_score).toMatchObject({ min: 0, max: 10 })
  })

  it('leaves out the survey’s own questions, the respondent’s fields, and what Lantern does not analyse', async () => {
    const { offered, notOffered } = formQuestions(await form('know-your-rights.xlsx'), new Set(['knows_hotline', 'heard_from']))
    expect(offered.map((q) => q.code)).toEqual(['job_offer_check', 'trust_recruiters', 'knowledge_score', 'comments'])
    expect(notOffered).toEqual([
      { code: 'respondent_code', why: 'field' },
      { code: 'wave', why: 'field' },
      { code: 'interview_date', why: 'type' },
    ])
  })

  it('reads a form with a plain label column and no default language as written in its first labelled language', async () => {
    const words = await form('xlsform_spec_test.xlsx')
    expect(words.written).toBe('en')
    const { offered } = formQuestions(words, new Set())
    // yes_no choices make yes/no questions; a select_multiple of them is still a multiple choice.
    expect(offered.find((q) => q.code === 'skip_to_end')).toMatchObject({ type: 'binary', text: 'Skip to end' })
    // Its choices' labels are in Chinese only (the plain label column names no language): the English options go by their names.
    expect(offered.find((q) => q.code === 'select_multiple_test')).toMatchObject({ type: 'multiple_choice', options: [{ code: 'yes', label: 'yes' }, { code: 'no', label: 'no' }], translations: { zh: { options: { yes: '是', no: '没有' } } } })
    // A constraint on another question gives no range.
    expect(offered.find((q) => q.code === 'a_decimal')).toMatchObject({ type: 'score', min: null, max: null })
  })

  it('reads a score’s range from the constraints forms use, and no range from others', () => {
    expect(constraintRange('. >= 0 and . <= 10')).toEqual([0, 10])
    expect(constraintRange('(. > -5) and (. < 2.5)')).toEqual([-5, 2.5])
    expect(constraintRange('. <= 100')).toEqual([null, 100])
    expect(constraintRange('. <= ${a_integer}')).toEqual([null, null])
    expect(constraintRange('${age} >= 18')).toEqual([null, null])
    expect(constraintRange('')).toEqual([null, null])
  })
})

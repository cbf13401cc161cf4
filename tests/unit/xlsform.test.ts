import { describe, expect, it } from 'vitest'
import { formWords, labelLanguage, languageCode, matchQuestions } from '../../app/features/surveys/xlsform'
import { questionIn } from '../../app/features/surveys/translations'

describe('an XLSForm’s label columns', () => {
  it('name their language as KoboToolbox and ODK write it, or as older forms do', () => {
    expect(labelLanguage('label::Ukrainian (uk)')).toBe('uk')
    expect(labelLanguage('label::Nepali (ne)')).toBe('ne')
    expect(labelLanguage('label:English (en)')).toBe('en')
    expect(labelLanguage('label::english')).toBe('en')
    expect(labelLanguage('label::Español')).toBe('es')
    expect(labelLanguage('label::fr')).toBe('fr')
    expect(labelLanguage('label::Français (fr-CA)')).toBe('fr')
    // A plain label is in the form's default language, if it names one.
    expect(labelLanguage('label')).toBeNull()
    expect(labelLanguage('label', 'ro')).toBe('ro')
    // Not labels at all, and a language nobody can tell.
    expect(labelLanguage('hint::Ukrainian (uk)')).toBeUndefined()
    expect(labelLanguage('constraint_message::english')).toBeUndefined()
    expect(labelLanguage('label::Klingon')).toBe('?')
    expect(languageCode('Ukrainian')).toBe('uk')
  })

  it('give each question its words by language, and each option its label, matched by code', () => {
    const survey: Record<string, string>[] = [
      { type: 'select_one yes_no', name: 'knows_hotline', 'label::English (en)': 'Do you know the hotline?', 'label::Ukrainian (uk)': 'Чи знаєте ви гарячу лінію?' },
      { type: 'begin_group', name: 'intro', 'label::English (en)': 'About you' },
      { type: 'text', name: 'village', 'label::English (en)': 'Village', 'label::Ukrainian (uk)': 'Село' },
      { type: 'note', name: 'thanks', 'label::English (en)': 'Thank you' },
    ]
    const choices: Record<string, string>[] = [
      { list_name: 'yes_no', name: 'yes', 'label::English (en)': 'Yes', 'label::Ukrainian (uk)': 'Так' },
      { list_name: 'yes_no', name: 'no', 'label::English (en)': 'No', 'label::Ukrainian (uk)': 'Ні' },
      { list_name: 'yes_no', name: 'maybe', 'label::Ukrainian (uk)': 'Можливо' },
    ]
    const words = formWords(survey, choices, null)
    expect(words.ok && words.value.languages).toEqual(['en', 'uk'])
    if (!words.ok) return
    const questions = [{ code: 'knows_hotline', options: [{ code: 'yes', label: 'Yes' }, { code: 'no', label: 'No' }] }]
    const matched = matchQuestions(words.value, questions)
    expect(matched.get('knows_hotline')).toEqual({
      en: { text: 'Do you know the hotline?', options: { yes: 'Yes', no: 'No' } },
      // An option the question does not have ("maybe") brings no label.
      uk: { text: 'Чи знаєте ви гарячу лінію?', options: { yes: 'Так', no: 'Ні' } },
    })
    // Only the survey's questions get words: the form's other questions are for the questions-from-the-form page.
    expect([...matched.keys()]).toEqual(['knows_hotline'])
  })

  it('refuse a workbook that is not a form, and a label column in a language nobody can tell', () => {
    expect(formWords(null, null, null)).toMatchObject({ ok: false, message: expect.stringMatching(/no “survey” sheet/) })
    expect(formWords([{ label: 'x' }], null, null)).toMatchObject({ ok: false, message: expect.stringMatching(/“type” and “name”/) })
    expect(formWords([{ type: 'text', name: 'a', 'label::Klingon': 'x' }], null, null)).toMatchObject({ ok: false, message: expect.stringMatching(/“label::Klingon”/) })
    expect(formWords([{ type: 'text', name: 'a', label: 'x' }], null, null)).toMatchObject({ ok: false, message: expect.stringMatching(/do not say their language/) })
    expect(formWords([{ type: 'text', name: 'a', label: 'x' }], null, [{ default_language: 'Romanian (ro)' }])).toMatchObject({ ok: true, value: { languages: ['ro'] } })
  })
})

describe('a question in the reader’s language', () => {
  const q = {
    text: 'Where did you hear about the hotline?',
    options: [
      { code: 'radio', label: 'Radio' },
      { code: 'friends', label: 'Friends or family' },
    ],
    translations: { uk: { text: 'Де ви чули про гарячу лінію?', options: { radio: 'Радіо' } }, ne: { options: { radio: 'रेडियो' } } },
  }

  it('has the reader’s words where they are given, the words as written where not, and the same codes', () => {
    const uk = questionIn(q, 'uk')
    expect(uk.text).toBe('Де ви чули про гарячу лінію?')
    expect(uk.lang).toBe('uk')
    expect(uk.options).toEqual([
      { code: 'radio', label: 'Радіо' },
      { code: 'friends', label: 'Friends or family' },
    ])
    // Nepali has an option's label but not the text: the text stays as written, in no claimed language.
    expect(questionIn(q, 'ne')).toMatchObject({ text: q.text, lang: null, options: [{ code: 'radio', label: 'रेडियो' }, { code: 'friends', label: 'Friends or family' }] })
    expect(questionIn(q, 'fr')).toMatchObject({ text: q.text, options: q.options, lang: null })
    expect(questionIn({ ...q, translations: {} }, 'uk').text).toBe(q.text)
  })
})

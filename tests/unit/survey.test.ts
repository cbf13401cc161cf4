import { describe, expect, it } from 'vitest'
import { LIKERT_LABELS, readAnswer, type Question } from '../../app/features/surveys/answers'
import { clusterUnitOf, normaliseHeader, personalColumns, suggestMapping } from '../../app/features/surveys/columns'
import { readGroup, readSex, readWaveKind, readYesNo } from '../../app/features/surveys/field-values'
import { headerWords, personalData } from '../../app/features/surveys/personal-data'
import { impliedSampling } from '../../app/features/surveys/import-plan'
import { readResponseForm } from '../../app/features/surveys/response'
import { starterQuestions } from '../../app/features/surveys/starters'

const q = (over: Partial<Question>): Question => ({ code: 'x', text: 'x', type: 'binary', desired: '1', options: [], min: null, max: null, ...over })
const value = (question: Question, cell: string) => {
  const r = readAnswer(question, cell)
  return r.ok ? r.value : `error: ${r.message}`
}

describe('reading an answer', () => {
  it('recodes the common spellings of yes and no', () => {
    for (const yes of ['1', 'yes', 'Y', 'TRUE', ' Yes ']) expect(value(q({}), yes)).toBe('1')
    for (const no of ['0', 'no', 'N', 'false']) expect(value(q({}), no)).toBe('0')
    expect(value(q({}), '')).toBeNull()
    expect(value(q({}), 'maybe')).toMatch(/^error: “maybe” is not a yes\/no answer/)
  })

  it('reads agreement as 1 to 5, from numbers or the words of the scale', () => {
    const likert = q({ type: 'likert', options: [...LIKERT_LABELS] })
    expect(['Strongly disagree', 'disagree', 'Neutral', 'agree', 'STRONGLY AGREE', '3'].map((c) => value(likert, c))).toEqual(['1', '2', '3', '4', '5', '3'])
    expect(value(likert, '6')).toMatch(/not on the 1–5 scale/)
  })

  it('reads an option by code or label, a score within its range, free text as written', () => {
    const choice = q({ type: 'single_choice', desired: 'hotline', options: [{ code: 'hotline', label: 'Call the hotline' }, { code: 'police', label: 'Call the police' }] })
    expect(value(choice, 'call the hotline')).toBe('hotline')
    expect(value(choice, 'police')).toBe('police')
    expect(value(choice, 'priest')).toMatch(/not one of the options: hotline, police/)
    const score = q({ type: 'score', min: 0, max: 10 })
    expect([value(score, '7'), value(score, '7.5'), value(score, '7,5'), value(score, '10')]).toEqual(['7', '7.5', '7.5', '10'])
    expect(value(score, '11')).toBe('error: 11 is outside the range 0 to 10')
    expect(value(score, 'seven')).toBe('error: “seven” is not a number')
    expect(value(q({ type: 'free_text' }), '  A long answer  ')).toBe('A long answer')
  })
})

describe('reading the columns of a survey file', () => {
  it('matches Lantern’s layout, KoboToolbox group prefixes and field synonyms, keeps the submission id and drops other form metadata', () => {
    expect(normaliseHeader('group_k/Knows-Hotline ')).toBe('knows_hotline')
    const headers = ['_uuid', 'start', 'group_a/Respondent ID', 'Round', 'Arm', 'Gender', 'age_group', 'Village', 'group_k/knows_hotline', 'favourite_colour', '_submission_time', '_index']
    expect(suggestMapping(headers, ['knows_hotline'])).toEqual(['submission_id', 'drop', 'respondent_code', 'wave', 'group', 'sex', 'age_band', 'locality', 'question:knows_hotline', 'choose', 'drop', 'drop'])
  })

  it('flags personal data by heading or by content, not scores or respondent codes', () => {
    expect(personalData('Full name', ['Ana'])).toMatch(/name/)
    expect(personalData('contact', ['ana@example.org', 'bo@example.net'])).toMatch(/email/)
    expect(personalData('contact', ['+380 67 123 4567', '067 765 43 21'])).toMatch(/phone/)
    expect(personalData('where', ['50.4501 30.5234', '49.8397, 24.0297'])).toMatch(/GPS/)
    expect(personalData('who', ['Olena Kovalenko', 'Taras Melnyk'])).toMatch(/names/)
    expect(personalData('dob', ['2001-04-12'])).toMatch(/birth/)
    expect(personalData('knowledge_score', ['7', '10', '3'])).toBeNull()
    expect(personalData('respondent_code', ['BL-C-001', 'BL-C-002'])).toBeNull()
    expect(personalColumns(['_submission_time', 'respondent_code'], [['2026-03-01T10:11:00', 'R-1']], [])).toEqual([null, null])
  })

  it('reads a heading as words, in any script and case, so that a word inside another is no sign', () => {
    expect(headerWords('group_contact/respondentPhone-2')).toEqual(['group', 'contact', 'respondent', 'phone', '2'])
    expect(headerWords('Прізвище та ім’я')).toEqual(['прізвище', 'та', 'ім’я'])
    expect(headerWords('label::English (en)')).toEqual(['label', 'english', 'en'])
    for (const header of ['would_tell_friend', 'hotel_worker', 'watched_television', 'intel_score', 'nominated', 'named_agency_correctly']) expect(personalData(header, []), header).toBeNull()
    for (const header of ['respondentName', 'contact-phone', 'group_b/Tel', 'Téléphone', 'Номер телефону', 'नाम', 'Adresa', 'passport_number']) expect(personalData(header, []), header).not.toBeNull()
  })

  it('judges values in the light of the column: answers, pseudonymous codes and place names are not personal', () => {
    // A yes/no question about passports, answered 0/1, is not a passport number; a column of passport numbers is.
    expect(personalData('keeps_passport', ['1', '0', '1', '1', '0'])).toBeNull()
    expect(personalData('keeps_passport', ['1', '0', 'Yes'])).toBeNull()
    expect(personalData('passport', ['FP123456', 'FP223311', 'EK900112'])).toMatch(/identity document/)
    // Numeric respondent codes are codes; numbers written like phone numbers are not.
    expect(personalColumns(['respondent_code'], [['2026000101'], ['2026000102'], ['2026000103']], [])).toEqual([null])
    expect(personalData('household_id', ['2026000101', '2026000102', '2026000103'])).toBeNull()
    expect(personalData('contact', ['0671234567', '0509876543', '0931112233'])).toMatch(/phone/)
    expect(personalColumns(['respondent_code'], [['+380 67 123 4567'], ['+380 50 765 4321']], [])).toEqual([expect.stringMatching(/phone/)])
    // Two-word place names in a locality; two-word labels repeated in an answer column.
    expect(personalColumns(['locality'], [['Kryvyi Rih'], ['Bila Tserkva'], ['Kamianets Podilskyi']], [])).toEqual([null])
    expect(personalData('village_name', ['Kryvyi Rih', 'Bila Tserkva'])).toBeNull()
    expect(personalData('heard_from', ['Social Media', 'Radio Station', 'Social Media', 'Radio Station', 'Social Media', 'Social Media'])).toBeNull()
  })

  it('reads waves and groups as files spell them', () => {
    expect(['pre', 'Baseline', 'post', 'ENDLINE', 'follow-up', 'later'].map(readWaveKind)).toEqual(['baseline', 'baseline', 'endline', 'endline', 'follow_up', null])
    // Labels, as a labels export writes them.
    expect(['Before the campaign', 'After the campaign', 'Follow-up, six months on', 'Before or after'].map(readWaveKind)).toEqual(['baseline', 'endline', 'follow_up', null])
    expect(['campaign', 'Intervention', 'control', 'comparison', 'other'].map(readGroup)).toEqual(['campaign', 'campaign', 'comparison', 'comparison', null])
  })

  // A labels export writes the form's choice labels in the form's language: each of Lantern's languages, as its glossary words them.
  it('reads a respondent’s fields as a form in each of Lantern’s languages labels them', () => {
    const waves = { uk: ['До кампанії', 'Після кампанії', 'Повторне опитування'], ro: ['Sondaj de referință', 'Sondaj final', 'Urmărire'], ne: ['आधाररेखा सर्वेक्षण', 'अन्तिम सर्वेक्षण', 'अनुगमन'], fr: ['Avant la campagne', 'Enquête finale', 'Enquête de suivi'], es: ['Línea de base', 'Encuesta final', 'Seguimiento'] }
    for (const [language, three] of Object.entries(waves)) expect(three.map(readWaveKind), language).toEqual(['baseline', 'endline', 'follow_up'])
    const groups = { uk: ['Група кампанії', 'Контрольна група'], ro: ['Campanie', 'Grup de comparație'], ne: ['अभियान समूह', 'तुलना समूह'], fr: ['Groupe de la campagne', 'Groupe témoin'], es: ['Campaña', 'Grupo de comparación'] }
    for (const [language, pair] of Object.entries(groups)) expect(pair.map(readGroup), language).toEqual(['campaign', 'comparison'])
    const sexes = { uk: ['Жінка', 'Чоловік', 'Інше'], ro: ['Femeie', 'Bărbat', 'Altul'], ne: ['महिला', 'पुरुष', 'अन्य'], fr: ['Femme', 'Homme', 'Autre'], es: ['Mujer', 'Hombre', 'Otro'] }
    for (const [language, three] of Object.entries(sexes)) expect(three.map(readSex), language).toEqual(['female', 'male', 'other'])
    const yesNo = { uk: ['Так', 'Ні'], ro: ['Da', 'Nu'], ne: ['हो', 'होइन'], fr: ['Oui', 'Non'], es: ['Sí', 'No'] }
    for (const [language, pair] of Object.entries(yesNo)) expect(pair.map(readYesNo), language).toEqual(['1', '0'])
    // Decomposed accents (as some keyboards and tools write them) read as composed ones.
    expect(readYesNo('Si\u0301')).toBe('1')
    // A label naming two waves, or none, is not guessed.
    expect(['До і після', 'Опитування'].map(readWaveKind)).toEqual([null, null])
    expect(readSex('Жінки і чоловіки')).toBeNull()
  })
})

describe('a multiple-choice answer', () => {
  const q: Question = { code: 'heard_from', text: 'Where did you hear of it?', type: 'multiple_choice', desired: null, options: [{ code: 'radio', label: 'Radio' }, { code: 'tv', label: 'TV' }], min: null, max: null }
  it('reads the chosen codes as Kobo and ODK write them, stored in option order', () => {
    expect(readAnswer(q, 'tv radio')).toEqual({ ok: true, value: 'radio tv' })
    expect(readAnswer(q, 'TV;radio')).toEqual({ ok: true, value: 'radio tv' })
    expect(readAnswer(q, '')).toEqual({ ok: true, value: null })
    expect(readAnswer(q, 'radio cinema')).toEqual({ ok: false, message: '“cinema” is not one of the options: radio, tv' })
    // A labels export lists labels of several words.
    const labelled = { ...q, options: [...q.options, { code: 'friends', label: 'Friends or family' }] }
    expect(readAnswer(labelled, 'Friends or family TV')).toEqual({ ok: true, value: 'tv friends' })
    expect(readAnswer(labelled, 'Friends or neighbours')).toMatchObject({ ok: false })
  })

  it('reads the labels of the question’s other languages, a cell in one language at a time', () => {
    const words = { ...q, options: [...q.options, { code: 'friends', label: 'Friends or family' }], translations: { uk: { options: { radio: 'Радіо', tv: 'Телебачення', friends: 'Друзі або родина' } }, fr: { options: { tv: 'Télévision', friends: 'Amis ou famille' } } } }
    expect(readAnswer(words, 'Друзі або родина Радіо')).toEqual({ ok: true, value: 'radio friends' })
    expect(readAnswer(words, 'Télévision Amis ou famille')).toEqual({ ok: true, value: 'tv friends' })
    // Labels of two languages in one cell are not an answer any form writes.
    expect(readAnswer(words, 'Радіо Télévision')).toMatchObject({ ok: false })
    const choice: Question = { ...words, type: 'single_choice', desired: 'radio' }
    expect(readAnswer(choice, 'Телебачення')).toEqual({ ok: true, value: 'tv' })
    const likert: Question = { code: 'trust', text: 'Recruiters can be trusted', type: 'likert', desired: null, options: [...LIKERT_LABELS], min: null, max: null, translations: { uk: { options: { 1: 'Зовсім не згоден', 5: 'Цілком згоден' } } } }
    expect(['Цілком згоден', 'Agree', '2', 'Зовсім не згоден'].map((cell) => readAnswer(likert, cell))).toEqual([{ ok: true, value: '5' }, { ok: true, value: '4' }, { ok: true, value: '2' }, { ok: true, value: '1' }])
    expect(readAnswer({ ...likert, translations: undefined }, 'Цілком згоден')).toMatchObject({ ok: false })
  })

  it('finds each option’s 0/1 column under its group, beside the question’s own column', () => {
    expect(suggestMapping(['group_m/heard_from', 'group_m/heard_from/radio', 'group_m/heard_from/tv', 'group_m/heard_from/cinema'], [q])).toEqual([
      'question:heard_from',
      'option:heard_from/radio',
      'option:heard_from/tv',
      'choose',
    ])
  })
})

describe('a labels export and ODK Central’s layout', () => {
  const instrument = [
    { code: 'knows_hotline', text: 'Do you know the hotline number?', type: 'binary', options: [] },
    { code: 'heard_from', text: 'Where did you hear about it?', type: 'multiple_choice', options: [{ code: 'radio', label: 'Radio' }, { code: 'friends', label: 'Friends or family' }] },
  ]
  it('matches questions and options by their labels, under their groups', () => {
    const headers = ['Respondent code', 'Knowledge/Do you know the hotline number?', 'Media/Where did you hear about it?', 'Media/Where did you hear about it?/Radio', 'Media/Where did you hear about it?/Friends or family']
    expect(suggestMapping(headers, instrument)).toEqual(['respondent_code', 'question:knows_hotline', 'question:heard_from', 'option:heard_from/radio', 'option:heard_from/friends'])
  })

  it('reads ODK Central’s CSV: groups joined by “-”, meta-instanceID as the submission id, its other columns dropped as form metadata', () => {
    const headers = ['SubmissionDate', 'grp_id-respondent_code', 'grp_k-knows_hotline', 'meta-instanceID', 'KEY', 'SubmitterID', 'SubmitterName', 'AttachmentsPresent', 'AttachmentsExpected', 'Status', 'ReviewState', 'DeviceID', 'Edits', 'FormVersion']
    expect(suggestMapping(headers, instrument)).toEqual(['drop', 'respondent_code', 'question:knows_hotline', 'submission_id', ...Array(10).fill('drop')])
    // ODK Collect's own CSV, and Kobo's: one submission id only, even where a form has both.
    expect(suggestMapping(['respondent_code', 'meta/instanceID', '_uuid'], instrument)).toEqual(['respondent_code', 'submission_id', 'drop'])
    // Outside ODK Central's layout a column called "status" is not form metadata.
    expect(suggestMapping(['respondent_code', 'Status'], instrument)).toEqual(['respondent_code', 'choose'])
    // Nor is "-" a group separator: "pre-knows_hotline" is not the question knows_hotline.
    expect(suggestMapping(['respondent_code', 'pre-knows_hotline'], instrument)).toEqual(['respondent_code', 'choose'])
  })
})

describe('the columns of a complex sample', () => {
  it('are found by their usual names, and say what design they describe', () => {
    const mapping = suggestMapping(['respondent_code', 'wave', 'Stratum', 'PSU', 'sampling_weight', 'knows'], ['knows'])
    expect(mapping).toEqual(['respondent_code', 'wave', 'stratum', 'cluster', 'weight', 'question:knows'])
    expect(impliedSampling(mapping)).toBe('stratified_cluster')
    expect(impliedSampling(['respondent_code', 'cluster', 'weight'])).toBe('cluster')
    expect(impliedSampling(['respondent_code', 'weight'])).toBe('weighted')
    expect(impliedSampling(['respondent_code', 'locality'])).toBeNull()
  })

  it('name the clusters by their heading, unless the heading only says “cluster”', () => {
    expect(['village_id', 'School code', 'cluster', 'PSU', 'group_a/Village'].map(clusterUnitOf)).toEqual(['village', 'school', null, null, 'village'])
  })
})

describe('a typed-in response', () => {
  it('asks a cluster, stratified or weighted sample where the respondent was drawn, and nothing of a simple random one', () => {
    const questions = starterQuestions().filter((s) => s.code === 'knows_hotline')
    const form = { respondentCode: 'P-8', q_knows_hotline: '1', cluster: 'Village 3', stratum: 'rural', weight: '2,5' }
    expect(readResponseForm(questions, form, 'simple_random')).toMatchObject({ ok: true, value: { cluster: null, stratum: null, weight: null } })
    expect(readResponseForm(questions, form, 'stratified_cluster')).toMatchObject({ ok: true, value: { cluster: 'Village 3', stratum: 'rural', weight: 2.5 } })
    expect(readResponseForm(questions, { ...form, cluster: '', stratum: ' ', weight: '0' }, 'stratified_cluster')).toEqual({
      ok: false,
      errors: {
        cluster: ['Enter the cluster this respondent was drawn in: the wave is a cluster sample'],
        stratum: ['Enter the stratum this respondent was drawn in: the wave is a stratified sample'],
        weight: ['“0” is not a sampling weight: use a number above 0, like 1.5'],
      },
    })
    expect(readResponseForm(questions, { ...form, weight: '' }, 'weighted')).toMatchObject({ ok: false, errors: { weight: ['Enter the respondent’s sampling weight: the wave is a weighted sample'] } })
  })

  const questions = starterQuestions().filter((s) => ['knows_hotline', 'would_report', 'knowledge_score'].includes(s.code))
  it('is read like a file’s row, each problem named by its field', () => {
    expect(readResponseForm(questions, { respondentCode: ' P-7 ', sex: 'F', q_knows_hotline: '1', q_would_report: '4', q_knowledge_score: '' })).toEqual({
      ok: true,
      value: { respondentCode: 'P-7', sex: 'female', ageBand: null, locality: null, cluster: null, stratum: null, weight: null, answers: { knows_hotline: '1', would_report: '4' } },
    })
    expect(readResponseForm(questions, { respondentCode: '', sex: 'robot', q_knowledge_score: '12' })).toEqual({
      ok: false,
      errors: { respondentCode: ['Enter the respondent code written on the questionnaire'], sex: ['Choose female, male or another answer, or leave it empty'], q_knowledge_score: ['12 is outside the range 0 to 10'] },
    })
  })
})

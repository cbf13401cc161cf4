// Whether a column of an uploaded survey looks like respondents' personal
// data (DESIGN.md §7): names, phone numbers, email and postal addresses,
// birth dates, identity document numbers, GPS positions, photos. Headers are
// read as words, in the languages Lantern's users write forms in; values are
// judged in the light of what the column is (a respondent code is a
// pseudonym, a locality holds place names, an answer column holds a few
// repeated answers). A person may still overrule a flag (import.server.ts).

import { defineMessages, tr } from '../../shared/i18n'

/** What a column is taken to be, by its heading: a field of the import, a question, or nothing known. */
export type ColumnRole = 'respondent_code' | 'locality' | 'answer_field' | 'question' | 'unknown'

/**
 * "group_contact/respondentPhone-2" → ["group", "contact", "respondent",
 * "phone", "2"]: split at group separators, snake_case, kebab-case, spaces,
 * camelCase and digits, in any script; lower case.
 */
export function headerWords(header: string): string[] {
  return header
    .normalize('NFC')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})|(\p{N})(\p{L})/gu, '$1$3 $2$4')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}'’]+/u)
    .map((w) => w.replace(/^['’]+|['’]+$/g, ''))
    .filter(Boolean)
}

type Sign = { what: string; phrases: readonly (readonly string[])[] }
const words = (...list: string[]) => list.map((p) => p.split(' '))

// Each phrase is a run of whole words of the heading. Kept to what names the
// datum itself: "passport" alone, because "keeps_passport" (a yes/no question)
// is told apart by its answers, not by its heading.
const said = defineMessages({
  heading: {
    id: 'surveys.personal.heading',
    defaultMessage:
      'its heading suggests {kind, select, name {a name} phone {a phone number} email {an email address} address {an address} birth {a birth date} identity {an identity document number} gps {a GPS location} other {a photo or a signature}}',
  },
  values: {
    id: 'surveys.personal.values',
    defaultMessage: 'its values look like {kind, select, emails {email addresses} gps {GPS coordinates} phones {phone numbers} other {people’s names}}',
  },
})

const HEADER_SIGNS: readonly Sign[] = [
  {
    what: 'name',
    phrases: words(
      'name', 'fullname', 'firstname', 'lastname', 'surname', 'forename', 'givenname', 'familyname', 'middlename', 'nickname',
      'nom', 'prenom', 'prénom', 'nombre', 'apellido', 'nume', 'prenume', 'numele',
      "ім'я", 'ім’я', 'імя', 'імені', 'піб', 'фио', 'прізвищ', 'побатькові', 'имя', 'имени', 'фамили', 'отчеств', 'नाम', 'थर',
    ),
  },
  {
    what: 'phone',
    phrases: words(
      'phone', 'telephone', 'tel', 'mobile', 'cellphone', 'cell', 'msisdn', 'whatsapp', 'viber', 'telegram', 'signal',
      'téléphone', 'teléfono', 'telefono', 'celular', 'móvil', 'movil', 'telefon', 'telefonul', 'telefonului', 'mobil', 'телефон', 'мобільн', 'мобильн', 'फोन', 'मोबाइल',
    ),
  },
  { what: 'email', phrases: words('email', 'e mail', 'mail address', 'courriel', 'correo', 'correo electrónico', 'пошт', 'почт', 'ईमेल') },
  {
    what: 'address',
    phrases: words(
      'address', 'street', 'postcode', 'postal code', 'zip', 'zipcode', 'zip code', 'house number', 'house no', 'apartment',
      'adresse', 'dirección', 'direccion', 'domicilio', 'calle', 'adresa', 'adresei', 'domiciliu', 'strada', 'адрес', 'вулиц', 'улиц', 'ठेगाना',
    ),
  },
  { what: 'birth', phrases: words('birth', 'birthdate', 'birthday', 'dob', 'naissance', 'nacimiento', 'nastere', 'naștere', 'nașterii', 'nasterii', 'народжен', 'рождени', 'जन्म मिति') },
  {
    what: 'identity',
    phrases: words(
      'passport', 'passport number', 'national id', 'id card', 'id number', 'idnumber', 'nid', 'ssn', 'tax id', 'citizenship number', 'citizenship no', 'nin',
      'passeport', 'pasaporte', 'pașaport', 'pasaport', 'паспорт', 'cnp', 'idnp', 'іпн', 'рнокпп', 'राहदानी', 'नागरिकता',
    ),
  },
  { what: 'gps', phrases: words('gps', 'geopoint', 'geolocation', 'latitude', 'longitude', 'coordinates', 'coords', 'lat', 'lon', 'lng', 'geo point') },
  { what: 'photo', phrases: words('photo', 'picture', 'selfie', 'signature', 'fingerprint', 'photograph', 'фото', 'підпис', 'подпис') },
]

/** Words that make "name" the name of a place or a body, not of a person. */
const NOT_A_PERSON = new Set([
  'village', 'town', 'city', 'district', 'place', 'community', 'settlement', 'municipality', 'region', 'province', 'country', 'ward', 'barangay', 'hromada', 'oblast', 'raion',
  'school', 'organisation', 'organization', 'agency', 'company', 'employer', 'facility', 'site', 'project', 'campaign', 'event', 'programme', 'program', 'form', 'survey',
  'file', 'team', 'station', 'channel', 'group', 'shelter', 'office', 'clinic', 'hospital', 'ngo', 'recruiter', 'recruitment', 'app', 'website', 'hotline', 'product',
  'instance', 'device', 'question', 'option', 'label', 'list', 'choice', 'choices',
  'село', 'громада', 'школа', 'sat', 'localitate', 'gaun', 'गाउँ',
])

/** Words that say a column of digits is a code, not a phone number. */
const CODE_WORDS = new Set(['id', 'code', 'no', 'number', 'num', 'uuid', 'key', 'index', 'serial', 'ref', 'reference', 'respondent', 'household', 'hh', 'case', 'record', 'код', 'номер'])

/**
 * A word of the heading is the sign's word itself or its plural; in Cyrillic,
 * any inflection of the stem the sign gives ("телефон" in "телефону").
 */
const sameWord = (word: string | undefined, sign: string) =>
  word !== undefined && (word === sign || word === `${sign}s` || (/^\p{Script=Cyrillic}/u.test(sign) && sign.length >= 4 && word.startsWith(sign)))

/** The words of a heading's own name, without the form groups before it ("group_intro/respondent_name" → respondent, name). */
const ownWords = (header: string) => headerWords(header.split(/[/:]/).pop() ?? header)

function headerSign(header: string): string | null {
  const found = headerWords(header)
  for (const sign of HEADER_SIGNS) {
    for (const phrase of sign.phrases) {
      const at = found.findIndex((_, i) => phrase.every((p, k) => sameWord(found[i + k], p)))
      if (at < 0) continue
      if (sign.what === 'name' && ownWords(header).some((w) => NOT_A_PERSON.has(w))) continue
      return sign.what
    }
  }
  return null
}

/**
 * Answers, not personal data: a few short values, each given again and
 * again (yes/no, 1–5, an option), as a question's column holds; never a
 * column of mostly different values.
 */
function answerLike(values: readonly string[]): boolean {
  if (values.length < 3) return false
  const distinct = new Set(values.map((v) => v.toLowerCase()))
  return distinct.size <= 12 && distinct.size <= values.length / 2 && values.every((v) => v.length <= 30)
}

const YES_NO = new Set(['yes', 'no', 'y', 'n', 'true', 'false', 'так', 'ні', 'да', 'нет', 'da', 'nu', 'sí', 'si', 'oui', 'non', 'हो', 'होइन', 'oo', 'hindi'])
/** A coded answer: a number, a yes or a no, or an option's code (Kobo's and ODK's XML values), never a word with a capital. */
const answerCoded = (v: string) => /^-?\d+([.,]\d+)?$/.test(v) || YES_NO.has(v.toLowerCase()) || /^[\p{Ll}\p{N}_]+( [\p{Ll}\p{N}_]+)*$/u.test(v)

const digitsOf = (v: string) => v.replace(/\D/g, '')
const isDate = (v: string) => /^\d{4}-\d{1,2}-\d{1,2}([T ].*)?$/.test(v) || /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(v)

const CONTENT_SIGNS: readonly { what: string; test: (v: string) => boolean; mostlyDistinct?: boolean }[] = [
  { what: 'emails', test: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(v) },
  { what: 'gps', test: (v) => /^-?\d{1,2}\.\d{3,}[\s,;]+-?\d{1,3}\.\d{3,}/.test(v) },
  // Written as phone numbers are: a +, or spaces, dashes, dots or brackets between 7 to 15 digits; not a date.
  { what: 'phones', test: (v) => /^\+?[\d\s().-]{7,}$/.test(v) && /[+\s().-]/.test(v.trim()) && digitsOf(v).length >= 7 && digitsOf(v).length <= 15 && !isDate(v) },
  // Bare digits: a phone number only where the heading does not call them a code.
  { what: 'phones', test: (v) => /^0?\d{9,12}$/.test(v) && /^0/.test(v) },
  { what: 'names', test: (v) => /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?\s+\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?$/u.test(v), mostlyDistinct: true },
]

/**
 * Why a column looks like personal data, or null. `role` is what its heading
 * makes it. The heading decides unless the values are plainly answers; then
 * most of its non-empty sample values must match one sign (names must also
 * be mostly different from each other).
 */
export function personalData(header: string, samples: readonly string[], role: ColumnRole = 'unknown'): string | null {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '')
  // The fields Lantern reads check their own values (a wave, a sex, an age band, a weight): nothing personal fits them.
  if (role === 'answer_field') return null
  const fromHeader = role === 'respondent_code' || role === 'locality' ? null : headerSign(header)
  // "keeps_passport" answered 1 or 0 is a question about passports, even on three rows; a few names given again and again are still names.
  const plainAnswers = values.length > 0 && values.every((v) => YES_NO.has(v.toLowerCase()) || /^(10|\d)$/.test(v))
  if (fromHeader && !plainAnswers && !(answerLike(values) && values.every(answerCoded))) return tr(said.heading, { kind: fromHeader })
  if (values.length === 0 || answerLike(values)) return null
  const codeWords = headerWords(header).some((w) => CODE_WORDS.has(w)) || role === 'respondent_code'
  const distinct = new Set(values).size / values.length
  for (const sign of CONTENT_SIGNS) {
    if (sign.what === 'names' && (role === 'locality' || headerWords(header).some((w) => NOT_A_PERSON.has(w)))) continue
    if (sign.mostlyDistinct && distinct < 0.8) continue
    const matches = values.filter((v) => sign.test(v) && !(codeWords && /^\d+$/.test(v)))
    if (matches.length >= Math.max(1, Math.ceil(values.length / 2))) return tr(said.values, { kind: sign.what })
  }
  return null
}

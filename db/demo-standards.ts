import type Database from 'better-sqlite3'

// The coordinators' library of standard indicators in the demo, adopted by
// the demo campaigns that measure them, so their results roll up.

const STANDARDS = [
  {
    code: 'knows_hotline_pct',
    name: '% of the target group who know the national hotline number',
    unit: 'percent',
    direction: 'increase',
    guidance: 'Ask: “Do you know a telephone number you can call for help if you or someone you know is being exploited?” Count those who can give the national hotline number. Survey before and after the campaign.',
    adoptedBy: '% of the audience who know the national hotline number',
  },
  {
    code: 'names_two_signs_pct',
    name: '% who can name two signs of fraudulent recruitment',
    unit: 'percent',
    direction: 'increase',
    guidance: 'Ask the respondent to name signs that a job offer may be a trap; count those who name at least two (fees, withheld documents, no contract…).',
    adoptedBy: null,
  },
  {
    code: 'people_reached',
    name: 'People reached',
    unit: 'count',
    direction: 'increase',
    guidance: 'People who attended a session, received material in person or took part in an event; count each person once per campaign. Online impressions are not people reached.',
    adoptedBy: 'People reached',
  },
] as const

export function seedStandardIndicators(sqlite: Database.Database) {
  const add = sqlite.prepare('insert into standard_indicators (code, name, unit, direction, guidance) values (?, ?, ?, ?, ?)')
  const adopt = sqlite.prepare('update indicators set standard_indicator_id = ? where name = ? and unit = ? and direction = ?')
  for (const s of STANDARDS) {
    const id = add.run(s.code, s.name, s.unit, s.direction, s.guidance).lastInsertRowid
    if (s.adoptedBy) adopt.run(id, s.adoptedBy, s.unit, s.direction)
  }
}

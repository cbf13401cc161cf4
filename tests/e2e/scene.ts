import {
  createActual,
  createCampaign,
  createOrganisation,
  createSurveyedCampaign,
  createUser,
  HOTLINE_INDICATOR,
  PANEL_GAIN,
  indicatorsOf,
  REACH_INDICATOR,
  standardIndicator,
  unique,
  WITH_COMPARISON,
} from '../factories'

// What the end-to-end tests find on the server, made by each test file for
// itself: organisations and their people, overlapping campaigns in Lviv
// oblast, and evaluated campaigns with survey answers that a donor funds.

export type Scene = Awaited<ReturnType<typeof scene>>

export async function scene() {
  const safePassage = createOrganisation({ name: unique('Safe Passage Ukraine') })
  const casa = createOrganisation({ name: unique('Casa Speranței'), country: 'MD' })
  const himal = createOrganisation({ name: unique('Himal Safe Migration Forum'), country: 'NP' })
  const council = createOrganisation({ name: unique('Anti-Trafficking Coordination Council'), type: 'coordinating_body' })
  const funder = createOrganisation({ name: unique('Northlight Foundation'), type: 'donor', country: 'NL' })
  const people = {
    member: await createUser({ organisation: safePassage, role: 'member', name: unique('Mykola Bondar') }),
    orgadmin: await createUser({ organisation: safePassage, role: 'org_admin' }),
    casa: await createUser({ organisation: casa, role: 'org_admin' }),
    coordinator: await createUser({ organisation: council, role: 'coordinator' }),
    donor: await createUser({ organisation: funder, role: 'donor' }),
    admin: await createUser({ platformAdmin: true }),
  }

  const hotline = standardIndicator('knows_hotline_pct')
  const reach = standardIndicator('people_reached', 'count')
  const measured = [
    { ...HOTLINE_INDICATOR, name: '% of the audience who know the national hotline number', standardIndicatorId: hotline.id },
    { ...REACH_INDICATOR, standardIndicatorId: reach.id },
  ]
  const titles = {
    rights: unique('Know your rights abroad — western oblasts'),
    school: unique('School talks on online recruitment'),
    returnees: unique('Returnee peer educators'),
    tourism: unique('Tourism staff against child sex tourism'),
  }
  // The council's campaign over two western oblasts, from May 2026: a planner in Lviv overlaps it.
  createCampaign(council, { title: titles.rights, subdivisions: ['UA-46', 'UA-26'], startDate: '2026-05-01', endDate: '2026-07-31', channels: ['social_media'] })
  createCampaign(casa, { title: unique('Bus station posters'), country: 'MD', subdivisions: ['MD-CU'] })
  // Evaluated, published and funded: a panel with a clear gain, a village cluster sample with a comparison group, one more organisation's.
  // Followed up six months on: some of the gain lasted.
  const followedUp = { ...PANEL_GAIN, binary: PANEL_GAIN.binary.map((b) => ({ ...b, followUp: b.post - 0.1 })) }
  const school = createSurveyedCampaign(safePassage, { title: titles.school, indicators: measured, plan: followedUp, visibility: 'published', funderIds: [funder.id] })
  // Villages drawn first, then people in each: a cluster sample, analysed as one.
  const clustered = { ...WITH_COMPARISON, sampling: { unit: 'village', size: 10, spread: 0.7, designEffect: 1.8 } }
  createSurveyedCampaign(himal, { title: titles.returnees, indicators: measured, plan: clustered, country: 'NP', subdivisions: ['NP-P3'], visibility: 'published', funderIds: [funder.id] })
  createSurveyedCampaign(casa, { title: titles.tourism, indicators: measured, country: 'MD', subdivisions: ['MD-CU'], funderIds: [funder.id] })
  const reached = indicatorsOf(school).find((i) => i.name === 'People reached')!.id
  createActual(reached, '2025-04-01', 2100)
  createActual(reached, '2025-05-31', 2400)

  return {
    people,
    organisations: { safePassage: safePassage.name, casa: casa.name, funder: funder.name },
    titles,
  }
}

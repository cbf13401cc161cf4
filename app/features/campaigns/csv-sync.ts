import type { CsvProblem } from '../../shared/csv/csv-file'
import { STATUSES, type Status } from '../../shared/taxonomy/taxonomy'
import { canTransition, MISSING_FOR_PLANNED, missingForPlanned, type Campaign } from './campaign'
import { currentTranslator, defineMessages, tr } from '../../shared/i18n'
import type { ImportedCampaign } from './csv-import'

// What importing a campaign spreadsheet does to each campaign in it: a code
// seen before is the same campaign (the file changes it, or nothing if it
// says what Lantern already holds); a new code is a new campaign. Statuses
// follow the lifecycle the campaign page applies: a new campaign starts as a
// draft, and a move needs what the move needs on the page.

/** A campaign the organisation already has under a code of the file, as the file would describe it, and as Lantern holds it (read when needed). */
export type KnownCampaign = { id: number; asInFile: Omit<ImportedCampaign, 'line'>; campaign: () => Campaign; status: Status }

export type ImportStep =
  | { kind: 'create'; campaign: ImportedCampaign }
  | { kind: 'update'; id: number; campaign: ImportedCampaign; from: Status }
  | { kind: 'unchanged'; id: number }

/** The fields compared, in a form where the order of listed codes does not matter. */
function comparable(c: Omit<ImportedCampaign, 'line'>) {
  const sorted = (v: readonly string[]) => [...v].sort()
  const audiences = c.audiences.map((a, i) => `${a}=${c.audienceSizes[i] ?? ''}`).sort()
  return JSON.stringify({ ...c, line: undefined, audiences, audienceSizes: undefined, funders: sorted(c.funders), subdivisions: sorted(c.subdivisions), channels: sorted(c.channels), purposes: sorted(c.purposes), exploitationForms: sorted(c.exploitationForms), languages: sorted(c.languages) })
}

/** The campaign as it would stand after the file's changes: the spreadsheet's fields over what Lantern holds. */
function withFile(campaign: Campaign, c: ImportedCampaign): Campaign {
  return { ...campaign, title: c.title, summary: c.summary, pillar: c.pillar, visibility: c.visibility, country: c.country, locality: c.locality, subdivisions: c.subdivisions, startDate: c.startDate, endDate: c.endDate, audiences: c.audiences.map((code, i) => ({ code, estimatedSize: c.audienceSizes[i] ?? null })), channels: c.channels, purposes: c.purposes, exploitationForms: c.exploitationForms, languages: c.languages }
}

const m = defineMessages({
  newNotDraft: {
    id: 'campaigns.import.new_not_draft',
    defaultMessage: 'A new campaign starts as a draft; it cannot be imported as {to}. Import it as draft or planned, then move it on Lantern as it runs.',
  },
  cannotMove: { id: 'campaigns.import.cannot_move', defaultMessage: 'This campaign is {from} on Lantern and cannot move to {to}.' },
  cannotMoveBut: {
    id: 'campaigns.import.cannot_move_but',
    defaultMessage: 'This campaign is {from} on Lantern and cannot move to {to} (from {from} it can move to {next}).',
  },
  notPlannable: {
    id: 'campaigns.import.not_plannable',
    defaultMessage: 'A campaign is registered as planned once it has {missing}. A file cannot give objectives: import it as draft, add them on Lantern, then register it.',
  },
  evaluateOnLantern: { id: 'campaigns.import.evaluate_on_lantern', defaultMessage: 'Mark the campaign evaluated on Lantern, where every outcome indicator is checked for an actual first.' },
})

/** Why a campaign may not move from one status to another through a file, or null if it may. */
function refusedMove(from: Status, to: Status, campaign: () => Campaign, isNew: boolean): string | null {
  if (from === to) return null
  const name = (s: Status) => tr(STATUSES.message(s)).toLocaleLowerCase()
  if (!canTransition(from, to)) {
    const next = STATUSES.codes.filter((s) => canTransition(from, s))
    if (isNew) return tr(m.newNotDraft, { to: name(to) })
    return next.length
      ? tr(m.cannotMoveBut, { from: name(from), to: name(to), next: currentTranslator().list(next.map(name), 'disjunction') })
      : tr(m.cannotMove, { from: name(from), to: name(to) })
  }
  if (to === 'planned') {
    const missing = missingForPlanned(campaign())
    if (missing.length) return tr(m.notPlannable, { missing: missing.map((what) => tr(MISSING_FOR_PLANNED[what])).join('; ') })
  }
  // Only the results know whether every outcome indicator has an actual.
  if (to === 'evaluated') return tr(m.evaluateOnLantern)
  return null
}

/** A new campaign as the domain sees it, for the lifecycle's checks. */
function asNewCampaign(c: ImportedCampaign): Campaign {
  const empty: Campaign = { title: '', summary: '', pillar: c.pillar, purposes: [], exploitationForms: [], languages: [], audiences: [], audienceOther: '', channels: [], channelOther: '', keyMessages: '', country: null, subdivisions: [], locality: '', startDate: null, endDate: null, objectives: [], budget: null, currency: null, funderIds: [], visibility: c.visibility, risk: { restraintImagery: null, antiMigration: null, identifiesVictim: null, mitigation: '' } }
  return withFile(empty, c)
}

export function importSteps(campaigns: readonly ImportedCampaign[], known: ReadonlyMap<string, KnownCampaign>): { steps: ImportStep[]; problems: CsvProblem[] } {
  const steps: ImportStep[] = []
  const problems: CsvProblem[] = []
  for (const c of campaigns) {
    const k = known.get(c.code)
    if (!k) {
      const refused = refusedMove('draft', c.status, () => asNewCampaign(c), true)
      if (refused) problems.push({ line: c.line, column: 'status', message: refused })
      else steps.push({ kind: 'create', campaign: c })
    } else if (comparable(k.asInFile) === comparable(c)) {
      steps.push({ kind: 'unchanged', id: k.id })
    } else {
      const refused = refusedMove(k.status, c.status, () => withFile(k.campaign(), c), false)
      if (refused) problems.push({ line: c.line, column: 'status', message: refused })
      else steps.push({ kind: 'update', id: k.id, campaign: c, from: k.status })
    }
  }
  return { steps, problems }
}

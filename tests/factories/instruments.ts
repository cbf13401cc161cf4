import { LIKERT_LABELS } from '../../app/features/surveys/answers'
import { addQuestions, addWave } from '../../app/features/surveys/index.server'
import { changeResults } from '../../app/features/results/flow.server'
import { createCampaign } from './campaigns'
import { actorOf, createPerson, loginAs } from './users'

// A campaign's instrument written through the survey services, as a planner
// builds it on the survey page: questions, then waves, with no answers yet.

type NewQuestion = Parameters<typeof addQuestions>[1][number]

const question = (q: Pick<NewQuestion, 'code' | 'text' | 'type'> & Partial<NewQuestion>): NewQuestion => ({ desired: null, options: [], min: null, max: null, indicatorId: null, ...q })
export const KNOWS_HOTLINE = question({ code: 'knows_hotline', text: 'Do you know the hotline number?', type: 'binary', desired: '1' })
export const WOULD_REPORT = question({ code: 'would_report', text: 'I would report a suspected case.', type: 'likert', options: [...LIKERT_LABELS] })
export const KNOWLEDGE_SCORE = question({ code: 'knowledge_score', text: 'Knowledge score', type: 'score', min: 0, max: 10 })
/** "Where did you hear about the hotline?", select all that apply, with these options. */
export const heardFrom = (options: { code: string; label: string }[]) => question({ code: 'heard_from', text: 'Where did you hear about the hotline?', type: 'multiple_choice', options })

/** An active campaign of a new member's organisation with these questions and the campaign group's waves; the member, its actor and session. */
export async function campaignWithInstrument(questions: NewQuestion[], kinds: ('baseline' | 'endline' | 'follow_up')[] = ['baseline', 'endline']) {
  const { organisation, user } = await createPerson('member')
  const actor = await actorOf(user)
  const id = createCampaign(organisation, { status: 'active', indicators: [] })
  const added = await changeResults(actor, id, (change) => addQuestions(change, questions))
  if (!added.ok) throw new Error(`the instrument was refused: ${JSON.stringify(added)}`)
  for (const kind of kinds) await addWave(actor, id, { kind, group: 'campaign', design: 'cross_section', samplingNotes: '' })
  return { actor, id, cookie: await loginAs(user), organisation, user }
}

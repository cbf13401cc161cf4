import { defineMessages, tr, type Message, type Values } from '../../shared/i18n'

// The analysis writes its notes in English, a fixed grammar the stored
// analyses keep whatever the reader's language (they are computed once for
// everyone). Each note is put in the reader's words here, by the shape it
// has; a note no rule knows is shown as written (a test runs the engine over
// R's reference data and fails on any note left so).

const said = defineMessages({
  notComputable: { id: 'results.notes.not_computable', defaultMessage: 'not computable: {reason}' },
  rankNotComputable: { id: 'results.notes.rank_not_computable', defaultMessage: '{test} not computable: {reason}' },
  bothWaves: { id: 'results.notes.no_answer_both_waves', defaultMessage: 'no respondent answered this question at both waves' },
  nobodyAt: { id: 'results.notes.nobody_at', defaultMessage: 'nobody answered this question at {waves, select, both {baseline or endline} baseline {baseline} other {endline}}' },
  discordant: { id: 'results.notes.no_discordant_pairs', defaultMessage: 'McNemar’s test needs discordant pairs, and no respondent changed their answer' },
  sameAnswers: { id: 'results.notes.same_answers', defaultMessage: 'every answer was the same in both waves, so there is nothing to test' },
  pairedTooFew: { id: 'results.notes.paired_too_few', defaultMessage: 'the paired t-test needs two matched respondents' },
  pairedNoSpread: { id: 'results.notes.paired_no_spread', defaultMessage: 'every respondent changed by the same amount, so the change has no spread' },
  welchTooFew: { id: 'results.notes.welch_too_few', defaultMessage: 'Welch’s t-test needs two answers in each wave' },
  welchNoSpread: { id: 'results.notes.welch_no_spread', defaultMessage: 'all answers are identical, so there is no spread to test against' },
  noChange: { id: 'results.notes.no_answer_changed', defaultMessage: 'no respondent’s answer changed' },
  identical: { id: 'results.notes.all_identical', defaultMessage: 'all answers are identical' },
  didMissing: { id: 'results.notes.did_missing', defaultMessage: 'no difference in differences without answers from the {missing}' },
  groupAt: {
    id: 'results.notes.group_at',
    defaultMessage:
      '{group, select, campaign {campaign group} other {comparison group}} at {wave, select, baseline {baseline} endline {endline} other {follow-up}}',
  },
  didFewAnswers: { id: 'results.notes.did_few_answers', defaultMessage: 'too few answers, or no spread in them, to estimate the difference in differences' },
  didFewClusters: { id: 'results.notes.did_few_clusters', defaultMessage: 'too few clusters, or no spread in the answers, to estimate the difference in differences' },
  designNeeds: { id: 'results.notes.design_needs', defaultMessage: 'a design-based test needs two clusters or more in a stratum, and answers that differ' },
  noRank: { id: 'results.notes.no_rank', defaultMessage: 'no rank test: rank tests assume respondents drawn one by one, which this sample was not' },
  fragile: {
    id: 'results.notes.fragile',
    defaultMessage:
      'fragile: n < {limit, number} ({n, plural, one {# {who, select, pairs {matched respondent} wave {respondent in the smaller wave} group {matched respondent in the smaller group} other {respondent in the smallest group and wave}}} other {# {who, select, pairs {matched respondents} wave {respondents in the smaller wave} group {matched respondents in the smaller group} other {respondents in the smallest group and wave}}}})',
  },
  attrition: { id: 'results.notes.attrition', defaultMessage: 'panel attrition: {share} of the {n, plural, one {# baseline respondent was} other {# baseline respondents were}} not found at endline' },
  undeclared: {
    id: 'results.notes.undeclared',
    defaultMessage:
      'analysed as a simple random sample: the sampling design was not declared and respondents come from {places, plural, one {# locality} other {# localities}}; a cluster sample analysed so looks more certain than it is',
  },
  exact: { id: 'results.notes.rank_exact', defaultMessage: '{test}: exact p-value (no ties{zeros, select, yes { or zero changes} other {}}, fewer than 50 values)' },
  normal: {
    id: 'results.notes.rank_normal',
    defaultMessage: '{test}: normal approximation with continuity correction and a tie-corrected variance{dropped, plural, =0 {} one {; # zero change dropped} other {; # zero changes dropped}}',
  },
  mcnemarExact: {
    id: 'results.notes.mcnemar_exact',
    defaultMessage: 'McNemar exact (binomial) test: {pairs, plural, one {# discordant pair} other {# discordant pairs}}, fewer than {limit, number}; statistic = respondents who improved',
  },
  mcnemarChi: { id: 'results.notes.mcnemar_chi', defaultMessage: 'McNemar chi-square test with continuity correction' },
  fisher: { id: 'results.notes.fisher', defaultMessage: 'Fisher’s exact test: an expected count is under 5, too few for the chi-square test' },
  chiSquare: { id: 'results.notes.chi_square', defaultMessage: 'chi-square test of two proportions without continuity correction' },
  didWelch: { id: 'results.notes.did_welch', defaultMessage: 'difference in differences: Welch’s t-test between the two groups’ per-respondent changes' },
  didOls: {
    id: 'results.notes.did_ols',
    defaultMessage: 'difference in differences: interaction of a linear model of group × wave, heteroskedasticity-robust (HC2) standard error, normal reference',
  },
  wilcoxon: { id: 'results.notes.tests.wilcoxon', defaultMessage: 'Wilcoxon signed-rank' },
  mannWhitney: { id: 'results.notes.tests.mann_whitney', defaultMessage: 'Mann–Whitney' },
})

const REASONS: Record<string, Message> = {
  'no respondent answered this question at both waves': said.bothWaves,
  'McNemar’s test needs discordant pairs, and no respondent changed their answer': said.discordant,
  'every answer was the same in both waves, so there is nothing to test': said.sameAnswers,
  'the paired t-test needs two matched respondents': said.pairedTooFew,
  'every respondent changed by the same amount, so the change has no spread': said.pairedNoSpread,
  'Welch’s t-test needs two answers in each wave': said.welchTooFew,
  'all answers are identical, so there is no spread to test against': said.welchNoSpread,
  'no respondent’s answer changed': said.noChange,
  'all answers are identical': said.identical,
  'too few answers, or no spread in them, to estimate the difference in differences': said.didFewAnswers,
  'too few clusters, or no spread in the answers, to estimate the difference in differences': said.didFewClusters,
  'a design-based test needs two clusters or more in a stratum, and answers that differ': said.designNeeds,
}

const WHOLE: Record<string, Message> = {
  'McNemar chi-square test with continuity correction': said.mcnemarChi,
  'Fisher’s exact test: an expected count is under 5, too few for the chi-square test': said.fisher,
  'chi-square test of two proportions without continuity correction': said.chiSquare,
  'difference in differences: Welch’s t-test between the two groups’ per-respondent changes': said.didWelch,
  'difference in differences: interaction of a linear model of group × wave, heteroskedasticity-robust (HC2) standard error, normal reference': said.didOls,
  'no rank test: rank tests assume respondents drawn one by one, which this sample was not': said.noRank,
}

const TESTS: Record<string, Message> = { 'Wilcoxon signed-rank': said.wilcoxon, 'Mann–Whitney': said.mannWhitney }
const WHO: Record<string, string> = {
  'matched respondents': 'pairs',
  'respondents in the smaller wave': 'wave',
  'matched respondents in the smaller group': 'group',
  'respondents in the smallest group and wave': 'cell',
}

/** The reason part of a "not computable: …" note, in the reader's words; null for one no rule knows. */
function knownReason(reason: string): string | null {
  if (REASONS[reason]) return tr(REASONS[reason]!)
  const nobody = /^nobody answered this question at (baseline or endline|baseline|endline)$/.exec(reason)
  if (nobody) return tr(said.nobodyAt, { waves: nobody[1] === 'baseline or endline' ? 'both' : nobody[1] })
  const did = /^no difference in differences without answers from the (.+)$/.exec(reason)
  if (did) {
    const parts = did[1]!.split(', ').map((p) => /^(campaign|comparison) group at (\w+)$/.exec(p))
    if (parts.every(Boolean)) return tr(said.didMissing, { missing: parts.map((p) => tr(said.groupAt, { group: p![1], wave: p![2] })).join(', ') })
  }
  return null
}

/** The reason part of a "not computable: …" note, in the reader's words. */
export const reasonWords = (reason: string): string => knownReason(reason) ?? reason

type Rule = [RegExp, (m: RegExpExecArray) => [Message, Values] | null]
const RULES: Rule[] = [
  [/^fragile: n < (\d+) \((\d+) (.+)\)$/, (m) => [said.fragile, { limit: Number(m[1]), n: Number(m[2]), who: WHO[m[3]!] ?? 'cell' }]],
  [/^panel attrition: (\d+)% of the (\d+) baseline respondents were not found at endline$/, (m) => [said.attrition, { share: `${m[1]}%`, n: Number(m[2]) }]],
  [/^analysed as a simple random sample: the sampling design was not declared and respondents come from (\d+) localities; /, (m) => [said.undeclared, { places: Number(m[1]) }]],
  [/^(Wilcoxon signed-rank|Mann–Whitney): exact p-value \(no ties( or zero changes)?, fewer than 50 values\)$/, (m) => [said.exact, { test: tr(TESTS[m[1]!]!), zeros: m[2] ? 'yes' : 'no' }]],
  [/^(Wilcoxon signed-rank|Mann–Whitney): normal approximation with continuity correction and a tie-corrected variance(?:; (\d+) zero changes dropped)?$/, (m) => [said.normal, { test: tr(TESTS[m[1]!]!), dropped: Number(m[2] ?? 0) }]],
  [/^McNemar exact \(binomial\) test: (\d+) discordant pairs, fewer than (\d+); statistic = respondents who improved$/, (m) => [said.mcnemarExact, { pairs: Number(m[1]), limit: Number(m[2]) }]],
  [/^(Wilcoxon signed-rank|Mann–Whitney) not computable: (.+)$/, (m) => withReason(m[2]!, (reason) => [said.rankNotComputable, { test: tr(TESTS[m[1]!]!), reason }])],
  [/^not computable: (.+)$/, (m) => withReason(m[1]!, (reason) => [said.notComputable, { reason }])],
]

function withReason(reason: string, words: (reason: string) => [Message, Values]): [Message, Values] | null {
  const known = knownReason(reason)
  return known === null ? null : words(known)
}

function matchNote(note: string): [Message, Values] | null {
  if (WHOLE[note]) return [WHOLE[note]!, {}]
  for (const [pattern, words] of RULES) {
    const m = pattern.exec(note)
    if (m) return words(m)
  }
  return null
}

/** A note of the analysis in the reader's words; one no rule knows, as written. */
export function noteWords(note: string): string {
  const found = matchNote(note)
  return found ? tr(found[0], found[1]) : note
}

/** Whether the rules know a note: one they do not know would be shown in English to every reader. */
export const knownNote = (note: string): boolean => matchNote(note) !== null

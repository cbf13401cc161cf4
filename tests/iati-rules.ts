import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { DOMParser } from '@xmldom/xmldom'
import xpath from 'xpath'
import { registrationAgencies } from '../app/shared/standards/agencies.server'

// The IATI Validator's rules beyond the schema (../shared/standards/…/
// rulesets/standard.json), applied to an activities file as IATI-Rulesets'
// own test runner applies them: each context is an XPath, each rule type a
// check over XPaths evaluated from each context node. Rules for elements
// Lantern never writes (transactions, organisation files) find nothing to
// check and pass, as they do in the validator.

const RULESET = fileURLToPath(new URL('../../shared/standards/iati-2.03/rulesets/standard.json', import.meta.url))

type RuleInfo = { id: string; severity: 'error' | 'warning'; message: string }
type Case = Record<string, unknown> & { ruleInfo?: RuleInfo }
type Rules = Record<string, { cases: Case[] }>
export type Failure = { id: string; severity: string; message: string; context: string }

// The rules name xml:lang, which XPath resolves only with the prefix bound.
const select = xpath.useNamespaces({ xml: 'http://www.w3.org/XML/1998/namespace' })
const today = () => new Date().toISOString().slice(0, 10)
const nodes = (path: string, node: Node) => select(path, node) as Node[]
const values = (path: string, node: Node) => nodes(path, node).map((n) => (n.nodeType === 2 || n.nodeType === 3 ? n.nodeValue ?? '' : (n.textContent ?? '')))
const truthy = (expression: string, node: Node) => {
  const r = select(expression, node)
  return Array.isArray(r) ? r.length > 0 : Boolean(r)
}
const dateOf = (path: string, node: Node) => (path === 'NOW' ? [today()] : values(path, node).map((v) => v.slice(0, 10)))

/** Whether one case of a rule type holds at a context node. */
function holds(type: string, c: Case, node: Node): boolean {
  const paths = (c.paths as string[] | undefined) ?? []
  if (c.condition && !truthy(c.condition as string, node)) return true
  switch (type) {
    case 'atleast_one':
      return paths.some((p) => nodes(p, node).length > 0)
    case 'no_more_than_one':
      return paths.reduce((n, p) => n + nodes(p, node).length, 0) <= 1
    case 'one_or_all': {
      // Either the activity says it once, or every element it would otherwise cover says it itself.
      const lacking = { lang: './/narrative[not(@xml:lang)]', currency: './/value[not(@currency)]', sector: 'transaction[not(sector)]' }[c.all as string]
      if (!lacking) throw new Error(`one_or_all over ${String(c.all)} is not known to this runner`)
      return nodes(c.one as string, node).length > 0 || nodes(lacking, node).length === 0
    }
    case 'date_now':
      return values(c.date as string, node).every((d) => d.slice(0, 10) <= today())
    case 'date_order': {
      const [less, more] = [dateOf(c.less as string, node), dateOf(c.more as string, node)]
      return less.every((l) => more.every((m) => l <= m))
    }
    case 'regex_matches':
      return paths.every((p) => values(p, node).every((v) => new RegExp(c.regex as string).test(v)))
    case 'no_spaces':
      return paths.every((p) => values(p, node).every((v) => !/\s/.test(v)))
    case 'startswith': {
      const separator = (c.separator as string | undefined) ?? ''
      const prefixes = (c.prefix as string[]).flatMap((p) => (p === 'ORG-ID-PREFIX' ? [...registrationAgencies()] : values(p, node)))
      return paths.every((p) => values(p, node).every((v) => prefixes.some((prefix) => v.startsWith(prefix + separator))))
    }
    case 'strict_sum': {
      const found = paths.flatMap((p) => values(p, node)).map(Number)
      return found.length === 0 || Math.abs(found.reduce((a, b) => a + b, 0) - (c.sum as number)) < 1e-9
    }
    case 'range':
      return paths.every((p) => values(p, node).every((v) => Number(v) >= (c.min as number) && Number(v) <= (c.max as number)))
    case 'if_then':
      return !truthy(c.if as string, node) || truthy(c.then as string, node)
    case 'time_limit': {
      const [start, end] = [values(c.start as string, node)[0], values(c.end as string, node)[0]]
      return !start || !end || (Date.parse(end) - Date.parse(start)) / 86_400_000 <= 366
    }
    default:
      throw new Error(`A rule type this runner does not know: ${type}`)
  }
}

/** Every rule of standard.json that fails on the file, with where. */
export function iatiRuleFailures(xml: string): Failure[] {
  const ruleset = JSON.parse(readFileSync(RULESET, 'utf8')) as Record<string, Rules>
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Node
  const failures: Failure[] = []
  const check = (rules: Rules, node: Node, context: string, substitute = (s: string) => s) => {
    for (const [type, { cases }] of Object.entries(rules)) {
      for (const raw of cases) {
        const c = JSON.parse(substitute(JSON.stringify(raw))) as Case
        if (type === 'unique') continue // across the file: below
        if (type === 'loop') {
          const each = c as unknown as { foreach: string; do: Rules }
          for (const v of new Set(values(each.foreach, node))) check(each.do, node, context, (s) => s.replaceAll('$1', v))
        } else if (!holds(type, c, node)) {
          failures.push({ id: c.ruleInfo?.id ?? type, severity: c.ruleInfo?.severity ?? 'error', message: c.ruleInfo?.message ?? type, context })
        }
      }
    }
  }
  for (const [context, rules] of Object.entries(ruleset)) {
    for (const node of nodes(context, doc)) check(rules, node, context)
  }
  // 1.1.3: reporting organisation and identifier together are unique in the file.
  const pairs = nodes('/iati-activities/iati-activity', doc).map((a) => `${values('reporting-org/@ref', a)[0]}|${values('iati-identifier', a)[0]}`)
  if (new Set(pairs).size !== pairs.length) failures.push({ id: '1.1.3', severity: 'error', message: 'iati-identifier is not unique', context: '/iati-activities' })
  return failures
}

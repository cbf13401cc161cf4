import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The module rules `npm run lint` enforces, shown to bite: each source below
// is linted as if it stood at that path in the tree, among the real files.

const eslint = new ESLint()
const problems = async (filePath: string, text: string) => (await eslint.lintText(text, { filePath }))[0]!.messages.map((m) => `${m.ruleId}: ${m.message}`)

// The first lint builds the import graph of the whole tree: seconds on a busy machine.
describe('the module rules', { timeout: 60_000 }, () => {
  it('refuse an import cycle: the campaigns read guard importing the results flow, which imports campaigns', async () => {
    const found = await problems('app/features/campaigns/access.server.ts', "import { changeResults } from '../results/index.server'\nexport const again = changeResults\n")
    expect(found).toContainEqual(expect.stringMatching(/^import-x\/no-cycle: Dependency cycle/))
  })

  it('refuse a route or another feature reaching into a feature’s internals', async () => {
    const route = await problems('app/routes/campaigns._index.tsx', "import { loadCampaign } from '../features/campaigns/store.server'\nexport const x = loadCampaign\n")
    expect(route).toContainEqual(expect.stringMatching(/^import-x\/no-restricted-paths: .*public entry of the campaigns feature/))
    const feature = await problems('app/features/dashboards/dashboard.server.ts', "import { analysisOf } from '../results/analysis.server'\nexport const x = analysisOf\n")
    expect(feature).toContainEqual(expect.stringMatching(/public entry of the results feature/))
    // Through the public entry, the same import is allowed.
    expect(await problems('app/features/dashboards/dashboard.server.ts', "import { analysisOf } from '../results/index.server'\nexport const x = analysisOf\n")).toEqual([])
  })

  it('refuse shared code that depends on a feature, and domain code that touches the database', async () => {
    expect(await problems('app/shared/http.server.ts', "import { getCampaign } from '../features/campaigns/index.server'\nexport const x = getCampaign\n")).toContainEqual(
      expect.stringMatching(/app\/shared is below every feature/),
    )
    expect(await problems('app/features/results/impact.ts', "import { db } from '../../shared/db.server'\nexport const x = db\n")).toContainEqual(
      expect.stringMatching(/^no-restricted-imports: .*Only \*\.server\.ts modules touch the database/),
    )
  })

  it('pass on the tree as it is', async () => {
    const results = await eslint.lintFiles(['app/features/results/flow.server.ts', 'app/features/campaigns/access.server.ts', 'app/routes/campaigns.$campaignId._index.tsx'])
    expect(results.flatMap((r) => r.messages)).toEqual([])
  })
})

import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { Worker, type TransferListItem } from 'node:worker_threads'
import { build } from 'esbuild'

// A worker thread runs one of Lantern's TypeScript modules bundled by
// esbuild into a single script, rather than loaded through a TypeScript
// loader: with tsx's loader a worker took 1.2–1.5 s and 55 MB to start, with
// the bundle 0.1 s and 10 MB. Native packages (better-sqlite3) stay outside
// the bundle and load from node_modules as usual.

type Bundle = { script: string; inputs: string[]; at: number }
const bundles = new Map<string, Promise<Bundle>>()

/** True while none of the bundle's sources has changed since it was made (in development they do). */
const fresh = ({ inputs, at }: Bundle) => inputs.every((input) => (statSync(input, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < at)

async function bundleOf(module: string): Promise<string> {
  const made = await bundles.get(module)?.catch(() => null)
  if (made && fresh(made)) return made.script
  const at = Date.now()
  const making = build({ entryPoints: [module], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, metafile: true, external: ['better-sqlite3'], logLevel: 'silent', absWorkingDir: process.cwd() }).then(
    (out): Bundle => ({ script: out.outputFiles[0]!.text, inputs: Object.keys(out.metafile.inputs).map((input) => resolve(process.cwd(), input)), at }),
  )
  bundles.set(module, making)
  return (await making).script
}

/** Bundles `module` ahead of its first use (at start-up), so that the first person to need it does not wait for esbuild. */
export async function prepareWorker(module: string): Promise<void> {
  await bundleOf(resolve(process.cwd(), module))
}

/**
 * Starts a worker thread running `module`, a path from the repository's root.
 * Its young generation is kept small: a worker that streams a file makes
 * short-lived garbage fast, and V8's default lets it grow by tens of MB before
 * collecting; a smaller one costs little time and keeps the server's memory flat.
 */
export async function startWorker(module: string, workerData: unknown, transferList: TransferListItem[] = []): Promise<Worker> {
  return new Worker(await bundleOf(resolve(process.cwd(), module)), { eval: true, workerData, transferList, resourceLimits: { maxYoungGenerationSizeMb: 8 } })
}

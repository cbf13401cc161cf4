import { readdirSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

// The client build as the tests read it: Remix's manifest (which chunks each
// route loads at once) and build/client-modules.json, written by the build
// (what each chunk holds, and which chunks it imports at once or on demand).

export type Chunk = { modules: string[]; imports: string[]; dynamicImports: string[] }
type Route = { id: string; parentId?: string; module: string; imports?: string[] }
type Manifest = { entry: { module: string; imports: string[] }; routes: Record<string, Route> }

export const chunks = JSON.parse(readFileSync('build/client-modules.json', 'utf8')) as Record<string, Chunk>

const manifestFile = readdirSync('build/client/assets').find((f) => /^manifest-[\w-]+\.js$/.test(f))
if (!manifestFile) throw new Error('No Remix manifest in build/client/assets: run "npm run build" first.')
export const manifest = JSON.parse(readFileSync(`build/client/assets/${manifestFile}`, 'utf8').replace(/^window\.__remixManifest=/, '').replace(/;\s*$/, '')) as Manifest

/** build/client/assets/x.js → assets/x.js, the chunks' own naming. */
const asChunk = (url: string) => url.replace(/^\//, '')

/**
 * Every chunk a page of this route can load: the entry, the route and the
 * routes it sits in, what they import, and what those load on demand (a
 * chart's library when the chart is drawn).
 */
export function chunksOfRoute(id: string): string[] {
  const found = new Set<string>()
  const add = (file: string) => {
    if (found.has(file)) return
    found.add(file)
    const chunk = chunks[file]
    for (const next of [...(chunk?.imports ?? []), ...(chunk?.dynamicImports ?? [])]) add(next)
  }
  for (const url of [manifest.entry.module, ...manifest.entry.imports]) add(asChunk(url))
  for (let route: Route | undefined = manifest.routes[id]; route; route = route.parentId ? manifest.routes[route.parentId] : undefined) {
    for (const url of [route.module, ...(route.imports ?? [])]) add(asChunk(url))
  }
  return [...found]
}

const sizes = new Map<string, number>()
/** A chunk's size as a browser downloads it, gzip-compressed. */
export function gzipBytes(file: string): number {
  let size = sizes.get(file)
  if (size === undefined) sizes.set(file, (size = gzipSync(readFileSync(`build/client/${file}`)).length))
  return size
}

export const modulesOf = (files: readonly string[]) => files.flatMap((f) => chunks[f]?.modules ?? [])

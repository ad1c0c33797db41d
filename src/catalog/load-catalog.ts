// Reads dist/catalog.json (written by scripts/build-catalog.mjs) once per process. The bundles
// ship it beside themselves: dist/index.js reads ./catalog.json, dist/cli/index.js ../catalog.json;
// from sources (tests, ts-node) we walk up to the repository's dist/catalog.json. A bundler may
// bake the source path into import.meta.url, so the running script (argv[1]) is asked too.
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { catalogFromData, isCompactCatalog, type VersionedCatalog } from './catalog-from-data.js'

const FILE_NAME = 'catalog.json'

let cached: VersionedCatalog | undefined

/** Where to look, nearest first: beside the bundle, its parent, then `dist/` of each ancestor. */
export function catalogCandidates(moduleUrl: string): string[] {
  return candidatesFrom(dirname(fileURLToPath(moduleUrl)))
}

function candidatesFrom(here: string): string[] {
  const candidates = [join(here, FILE_NAME), join(here, '..', FILE_NAME)]
  for (let dir = here; ; dir = dirname(dir)) {
    candidates.push(join(dir, 'dist', FILE_NAME))
    if (dirname(dir) === dir) break
  }
  return candidates
}

function scriptDirectory(): string | undefined {
  const script = process.argv[1]
  if (script === undefined || !existsSync(script)) return undefined
  return dirname(realpathSync(script))
}

export function findCatalogFile(moduleUrl: string): string | undefined {
  const script = scriptDirectory()
  const candidates = [
    ...catalogCandidates(moduleUrl),
    ...(script === undefined ? [] : candidatesFrom(script))
  ]
  return candidates.find((file) => existsSync(file))
}

/** Reads and checks one catalogue file; throws with a message that names the file. */
export function readCatalogFile(file: string): VersionedCatalog {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(
      `cannot read the iam action catalogue \`${file}\`: ${reason}: run \`npm run build\``
    )
  }
  if (!isCompactCatalog(data)) {
    throw new Error(`\`${file}\` is not an iam action catalogue (format 1): run \`npm run build\``)
  }
  return catalogFromData(data)
}

/** The IAM action catalogue, read on first use and cached for the life of the process. */
export function loadCatalog(): VersionedCatalog {
  if (cached) return cached
  const file = findCatalogFile(import.meta.url)
  if (file === undefined) {
    throw new Error(
      `the iam action catalogue \`${FILE_NAME}\` was not found beside the program or in \`dist/\`: run \`npm run build\``
    )
  }
  cached = readCatalogFile(file)
  return cached
}

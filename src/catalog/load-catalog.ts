// Reads dist/catalog.json (written by scripts/build-catalog.mjs) once per process; a service is
// decoded and parsed on first use (splitCatalogText). The bundles ship it beside themselves:
// dist/index.js reads ./catalog.json, dist/cli/index.js ../catalog.json; from sources (tests,
// ts-node) we walk up to the repository's dist/catalog.json. A bundler may bake the source path
// into import.meta.url, so the running script (argv[1]) is asked too.
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  catalogFromData,
  isCompactCatalog,
  isCompactHeader,
  lazyCatalog,
  splitCatalogText,
  type CatalogText,
  type CompactService,
  type ServiceSource,
  type VersionedCatalog
} from './catalog-from-data.js'

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

function failure(file: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error)
  return new Error(
    `cannot read the iam action catalogue \`${file}\`: ${reason}: run \`npm run build\``
  )
}

function notACatalogue(file: string): Error {
  return new Error(`\`${file}\` is not an iam action catalogue (format 1): run \`npm run build\``)
}

/** Reads and checks one catalogue file; throws with a message that names the file. */
export function readCatalogFile(file: string): VersionedCatalog {
  let bytes: Buffer
  let split: CatalogText | undefined
  try {
    bytes = readFileSync(file)
    split = splitCatalogText(bytes)
  } catch (error) {
    throw failure(file, error)
  }
  return split === undefined ? parseWhole(file, bytes.toString('utf8')) : fromSections(file, split)
}

/** The usual layout: only the header is parsed now, each service's line on first use. */
function fromSections(file: string, { header, sections }: CatalogText): VersionedCatalog {
  if (!isCompactHeader(header)) throw notACatalogue(file)
  const sources = new Map<string, ServiceSource>()
  for (const [prefix, text] of sections) {
    sources.set(prefix, () => {
      try {
        return JSON.parse(text()) as CompactService
      } catch (error) {
        throw failure(file, new Error(`service \`${prefix}\`: ${String(error)}`))
      }
    })
  }
  return lazyCatalog(header, sources)
}

/** Any other layout of the same JSON (e.g. one line) is parsed in one go. */
function parseWhole(file: string, text: string): VersionedCatalog {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw failure(file, error)
  }
  if (!isCompactCatalog(data)) throw notACatalogue(file)
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

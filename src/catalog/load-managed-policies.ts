// Reads dist/managed-policies.json.gz (scripts/build-managed-policies.mjs) the first time a review
// meets an AWS managed policy ARN, and keeps it for the life of the process. Found like the
// catalogue (load-catalog.ts): beside the bundle (dist/index.js → ./, dist/cli/index.js → ../),
// then `dist/` of each ancestor of the module and of the running script.
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import {
  isManagedPolicyFile,
  managedPolicyStore,
  type ManagedPolicyStore
} from './managed-policies.js'

export const MANAGED_POLICIES_FILE = 'managed-policies.json.gz'

let cached: ManagedPolicyStore | undefined

function candidatesFrom(here: string): string[] {
  const candidates = [join(here, MANAGED_POLICIES_FILE), join(here, '..', MANAGED_POLICIES_FILE)]
  for (let dir = here; ; dir = dirname(dir)) {
    candidates.push(join(dir, 'dist', MANAGED_POLICIES_FILE))
    if (dirname(dir) === dir) break
  }
  return candidates
}

export function findManagedPoliciesFile(moduleUrl: string): string | undefined {
  const script = process.argv[1]
  const fromScript =
    script !== undefined && existsSync(script) ? candidatesFrom(dirname(realpathSync(script))) : []
  return [...candidatesFrom(dirname(fileURLToPath(moduleUrl))), ...fromScript].find((file) =>
    existsSync(file)
  )
}

/** Reads and checks one data file; throws with a message that names the file. */
export function readManagedPoliciesFile(file: string): ManagedPolicyStore {
  let data: unknown
  try {
    data = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(
      `cannot read the AWS managed policies \`${file}\`: ${reason}: run \`npm run build\``
    )
  }
  if (!isManagedPolicyFile(data))
    throw new Error(`\`${file}\` is not AWS managed policy data (format 1): run \`npm run build\``)
  return managedPolicyStore(data)
}

/** The AWS managed policies, read on first use. */
export function loadManagedPolicies(): ManagedPolicyStore {
  if (cached) return cached
  const file = findManagedPoliciesFile(import.meta.url)
  if (file === undefined) {
    throw new Error(
      `the AWS managed policies \`${MANAGED_POLICIES_FILE}\` were not found beside the program or in \`dist/\`: run \`npm run build\``
    )
  }
  cached = readManagedPoliciesFile(file)
  return cached
}

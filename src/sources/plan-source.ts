// A Terraform plan as the change to review: `terraform show -json PLANFILE` holds every
// resource's values before and after the plan, so the one "changed file" is the plan itself and
// its two sides are extracted from the same text (`extractPlanChange`: `before` → base, `after`
// → head). Documents are located by resource address; values known only after apply are
// placeholders or, for a whole policy, not reviewed (src/extract/terraform/plan.ts).
import { stat, readFile } from 'node:fs/promises'
import path from 'node:path'
import { diagnostic } from '../diagnostics/diagnostic.js'
import { extractPlanChange, PLAN_MAX_BYTES } from '../extract/terraform/plan.js'
import { decodeText } from './git-exec.js'
import { isRepoPath, toDisplayPath } from './paths.js'
import { SourceError, type PolicySource } from './port.js'

export interface PlanSourceOptions {
  /** the plan JSON file as the user wrote it: also how the report names it */
  readonly plan: string
  /**
   * relative paths are read from here (default: the process's directory); other files of this
   * folder (the configuration) are read from it too, the same on both sides
   */
  readonly cwd?: string
}

export function planSource(options: PlanSourceOptions): PolicySource {
  const cwd = options.cwd ?? '.'
  const shown = toDisplayPath(options.plan)
  let text: Promise<string> | undefined
  const plan = (): Promise<string> => (text ??= readPlan(path.resolve(cwd, options.plan), shown))
  return {
    baseLabel: `${shown} (before)`,
    headLabel: `${shown} (after)`,
    listChangedFiles: () =>
      Promise.resolve([{ path: shown, previousPath: undefined, status: 'modified' }]),
    readFile: async (file) => {
      if (file === shown) return plan()
      if (!isRepoPath(file)) return undefined
      return readRegular(path.resolve(cwd, file))
    },
    listFiles: () => Promise.resolve([shown]),
    extractChange: (file, _base, head, facts) =>
      file === shown && head !== undefined ? extractPlanChange(file, head, { facts }) : undefined
  }
}

async function readPlan(full: string, shown: string): Promise<string> {
  const info = await stat(full).catch(() => undefined)
  if (!info?.isFile())
    throw new SourceError(
      diagnostic('file-unreadable', {
        message: `cannot read the Terraform plan \`${shown}\`: not an existing file`,
        help: 'write it with `terraform show -json plan.out > plan.json`'
      })
    )
  if (info.size > PLAN_MAX_BYTES)
    throw new SourceError(
      diagnostic('file-too-large', {
        message: `the Terraform plan \`${shown}\` has ${info.size} bytes, more than the ${PLAN_MAX_BYTES} this tool reads`
      })
    )
  return decodeText(await readFile(full))
}

async function readRegular(full: string): Promise<string | undefined> {
  const info = await stat(full).catch(() => undefined)
  return info?.isFile() ? decodeText(await readFile(full)) : undefined
}

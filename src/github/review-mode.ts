// `mode: review`: decide what to compare from the event, read both versions (git or API), load
// the configuration from the base commit and run the review.
import path from 'node:path'
import packageJson from '../../package.json' with { type: 'json' }
import { loadCatalog } from '../catalog/load-catalog.js'
import type { Report } from '../diff/report.js'
import type { ActionConfig } from '../inputs.js'
import { review } from '../review/review.js'
import { directoryPairSource } from '../sources/file-pair-source.js'
import { planSource } from '../sources/plan-source.js'
import type { RunContext } from './context.js'
import { loadConfig } from './load-config.js'
import { resolveTarget } from './event.js'
import type { GitHubPort } from './port.js'
import { selectSource } from './select-source.js'
import type { ActionSink } from './sink.js'
import { linkBase } from './links.js'
import type { LinkBase } from '../render/links.js'

export type Outcome =
  | { readonly kind: 'skip'; readonly message: string }
  | {
      readonly kind: 'report'
      readonly report: Report
      /** the pull request that gets the sticky comment */
      readonly commentOn: number | undefined
      /** the pull request whose labels can approve the change */
      readonly gatePull: number | undefined
      readonly annotate: boolean
      /** the repository at the compared commits: the comment links statements to their line */
      readonly links?: LinkBase
    }

export async function runReview(
  inputs: ActionConfig,
  context: RunContext,
  port: GitHubPort,
  sink: ActionSink
): Promise<Outcome> {
  const resolved = resolveTarget(context.eventName, context.payload, inputs, context.sha)
  if (resolved.kind === 'skip') return resolved
  const { target } = resolved
  const repoDir =
    context.workspace === undefined
      ? undefined
      : path.resolve(context.workspace, inputs.workingDirectory)
  const selected = await selectSource({ target, port, repoDir, log: (m) => sink.info(m) })
  const { source } = selected
  const { config, diagnostics } = await loadConfig(source, inputs.config, sink, inputs.failOn)
  // `base-dir`/`head-dir`: the workflow built both versions (synthesized templates); the
  // configuration still comes from the base commit, so a change cannot loosen its own review
  const dirs = inputs.dirs
  if (dirs !== undefined) sink.info(`reviewing the directories \`${dirs.base}\` → \`${dirs.head}\``)
  // `terraform-plan`: the plan JSON an earlier step wrote, relative to the working directory
  const plan = inputs.terraformPlan
  if (plan !== undefined) sink.info(`reviewing the Terraform plan \`${plan}\``)
  const reviewed = await review({
    source:
      plan !== undefined
        ? planSource({ plan, cwd: repoDir ?? path.resolve(inputs.workingDirectory) })
        : dirs === undefined
          ? source
          : directoryPairSource({
              base: dirs.base,
              head: dirs.head,
              cwd: context.workspace ?? '.'
            }),
    config,
    catalog: loadCatalog(),
    toolVersion: packageJson.version
  })
  const links = linkBase(context.serverUrl ?? 'https://github.com', context.repo, selected)
  // the configuration's problems reach the comment and the job summary with the review
  const report: Report =
    diagnostics.length === 0
      ? reviewed
      : { ...reviewed, diagnostics: [...diagnostics, ...reviewed.diagnostics] }
  return {
    kind: 'report',
    report,
    commentOn: target.comment ? target.pullNumber : undefined,
    gatePull: target.pullNumber,
    annotate: true,
    // synthesized directories and a plan file are not the repository's files: no links then
    ...(links === undefined || dirs !== undefined || plan !== undefined ? {} : { links })
  }
}

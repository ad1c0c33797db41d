// The action: inputs → what to compare → review (or a saved report) → gate → publish → result.
// Each step lives in src/github/; this file only wires them and turns failures into one message.
import * as core from '@actions/core'
import { readInputs } from './inputs.js'
import { readRunContext, type RunContext } from './github/context.js'
import { failureMessage } from './github/errors.js'
import { evaluateGate } from './github/gate.js'
import { createOctokitPort, type OctokitPortOptions } from './github/octokit-port.js'
import type { GitHubPort } from './github/port.js'
import { publish } from './github/publish.js'
import { runRelay } from './github/relay-mode.js'
import { runReview } from './github/review-mode.js'
import { createCoreSink, type ActionSink } from './github/sink.js'

export interface Dependencies {
  readonly sink: ActionSink
  readonly readContext: () => RunContext
  readonly createPort: (options: OctokitPortOptions) => GitHubPort
}

const defaults = (): Dependencies => ({
  sink: createCoreSink(),
  readContext: () => readRunContext(),
  createPort: createOctokitPort
})

export async function run(overrides: Partial<Dependencies> = {}): Promise<void> {
  const { sink, readContext, createPort } = { ...defaults(), ...overrides }
  try {
    const inputs = readInputs()
    const context = readContext()
    const port = createPort({ token: inputs.token, repo: context.repo, log: (m) => sink.info(m) })
    const mode = inputs.mode === 'publish-report' ? runRelay : runReview
    const outcome = await mode(inputs, context, port, sink)
    if (outcome.kind === 'skip') {
      sink.annotate({
        type: 'notice',
        title: 'iam-policy-diff',
        message: outcome.message,
        file: undefined,
        line: undefined
      })
      return
    }
    // the gate never throws: a failed approval look-up is a note in the report, not a crash
    const gate = await evaluateGate({
      report: outcome.report,
      failOn: inputs.failOn,
      approveLabel: inputs.approveLabel,
      approvers: inputs.approvers,
      approveMinPermission: inputs.approveMinPermission,
      port,
      pullNumber: outcome.gatePull
    })
    await publish({
      report: gate.report,
      port,
      sink,
      pullNumber: outcome.commentOn,
      comment: inputs.comment,
      commentKey: inputs.commentKey,
      approval: gate.approval,
      annotate: outcome.annotate,
      reportDir: context.tempDir,
      runId: context.runId,
      runUrl: context.runUrl,
      ...(outcome.links === undefined ? {} : { links: outcome.links })
    })
    if (gate.fail) core.setFailed(gate.message)
    else sink.info(gate.message)
  } catch (error) {
    core.setFailed(failureMessage(error))
  }
}

// An ActionSink that records what the action wrote to the runner.
import type { Annotation } from '../../src/github/annotations.js'
import type { ActionSink } from '../../src/github/sink.js'

export class RecordingSink implements ActionSink {
  readonly outputs: Record<string, string> = {}
  readonly summaries: string[] = []
  readonly annotations: Annotation[] = []
  readonly infos: string[] = []
  readonly warnings: string[] = []
  /** make writeSummary fail, as core.summary does without GITHUB_STEP_SUMMARY */
  summaryError: Error | undefined

  setOutput(name: string, value: string): void {
    this.outputs[name] = value
  }

  writeSummary(markdown: string): Promise<void> {
    if (this.summaryError) return Promise.reject(this.summaryError)
    this.summaries.push(markdown)
    return Promise.resolve()
  }

  annotate(annotation: Annotation): void {
    this.annotations.push(annotation)
  }

  info(message: string): void {
    this.infos.push(message)
  }

  warning(message: string): void {
    this.warnings.push(message)
  }
}

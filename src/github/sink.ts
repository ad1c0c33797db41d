// What the action writes to the runner: outputs, the job summary, annotations and log lines.
// publish.ts talks to this interface; tests record the calls instead of mocking @actions/core.
import * as core from '@actions/core'
import type { Annotation } from './annotations.js'

export interface ActionSink {
  setOutput(name: string, value: string): void
  /** appends to the job summary; rejects when the runner gave no summary file */
  writeSummary(markdown: string): Promise<void>
  annotate(annotation: Annotation): void
  info(message: string): void
  warning(message: string): void
}

export function createCoreSink(): ActionSink {
  return {
    setOutput: (name, value) => core.setOutput(name, value),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write()
    },
    annotate: (a) => {
      const properties: core.AnnotationProperties = {
        title: a.title,
        ...(a.file === undefined ? {} : { file: a.file }),
        ...(a.line === undefined ? {} : { startLine: a.line }),
        ...(a.column === undefined ? {} : { startColumn: a.column })
      }
      if (a.type === 'error') core.error(a.message, properties)
      else if (a.type === 'warning') core.warning(a.message, properties)
      else core.notice(a.message, properties)
    },
    info: (message) => core.info(message),
    warning: (message) => core.warning(message)
  }
}

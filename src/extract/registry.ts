// The extraction stage's entry: which extractor reads a file (every extractor's `claims`, the
// highest wins, the first listed on a tie), and what a file nobody claims holds of IAM
// (sniffUnreviewable). Never throws: an extractor that throws is our bug, reported as an
// `extract-failed` diagnostic on the file, which is then not reviewed.
import { diagnostic } from '../diagnostics/diagnostic.js'
import { awsCliJsonExtractor } from './aws-cli-json.js'
import { cloudFormationExtractor } from './cloudformation/extractor.js'
import { policyJsonExtractor } from './policy-json.js'
import { createServerlessExtractor } from './serverless.js'
import { sniffUnreviewable } from './sniff.js'
import { terraformExtractor } from './terraform/extractor.js'
import { terraformPlanExtractor } from './terraform/plan.js'
import type { Extraction, Extractor, ExtractOptions, SourceFormat } from './types.js'

export { sniffUnreviewable }

/**
 * Every extractor, in tie-break order (the hook to extend: push another one). The serverless
 * extractor hands `resources.Resources` to whichever `cloudformation` extractor is listed.
 */
export const EXTRACTORS: Extractor[] = [
  createServerlessExtractor({ cloudFormation: () => findExtractor('cloudformation') }),
  awsCliJsonExtractor,
  policyJsonExtractor,
  cloudFormationExtractor,
  terraformExtractor,
  terraformPlanExtractor
]

export interface ExtractFileOptions extends ExtractOptions {
  /** read the file as this format, whatever the claims say (configuration override) */
  readonly format?: SourceFormat
  /** the extractors to ask; default EXTRACTORS */
  readonly extractors?: readonly Extractor[]
}

function findExtractor(format: SourceFormat): Extractor | undefined {
  return EXTRACTORS.find((e) => e.format === format)
}

/** The extractor that reads `path`, or undefined when none claims it. Never throws. */
export function chooseExtractor(
  path: string,
  text: string,
  extractors: readonly Extractor[] = EXTRACTORS
): { extractor: Extractor | undefined; failures: string[] } {
  let best: Extractor | undefined
  let bestScore = 0
  const failures: string[] = []
  for (const extractor of extractors) {
    let score = 0
    try {
      score = extractor.claims(path, text)
    } catch (error) {
      failures.push(`${extractor.format}: ${errorText(error)}`)
    }
    if (Number.isFinite(score) && score > bestScore) {
      best = extractor
      bestScore = score
    }
  }
  return { extractor: best, failures }
}

/** One file's text → its documents, or what it holds that cannot be reviewed. Never throws. */
export function extractFile(path: string, text: string, options: ExtractFileOptions): Extraction {
  const extractors = options.extractors ?? EXTRACTORS
  const forced = options.format && extractors.find((e) => e.format === options.format)
  const { extractor, failures } = forced
    ? { extractor: forced, failures: [] }
    : chooseExtractor(path, text, extractors)
  const failed = failures.map((f) =>
    diagnostic('extract-failed', {
      message: `internal error while sniffing the file: ${f}`,
      file: path
    })
  )
  if (extractor === undefined) {
    return {
      format: 'unsupported',
      documents: [],
      unreviewable: safeSniff(path, text),
      diagnostics: failed
    }
  }
  try {
    const own = {
      ...(options.readSibling ? { readSibling: options.readSibling } : {}),
      ...(options.listFolder ? { listFolder: options.listFolder } : {})
    }
    const result = extractor.extract(path, text, { facts: options.facts, ...own })
    return failed.length === 0
      ? result
      : { ...result, diagnostics: [...failed, ...result.diagnostics] }
  } catch (error) {
    const message = `internal error while reading the file as ${extractor.format}: ${errorText(error)}`
    return {
      format: extractor.format,
      documents: [],
      unreviewable: [],
      diagnostics: [...failed, diagnostic('extract-failed', { message, file: path })]
    }
  }
}

function safeSniff(path: string, text: string): ReturnType<typeof sniffUnreviewable> {
  try {
    return sniffUnreviewable(path, text)
  } catch (error) {
    return [
      {
        what: 'unknown',
        reason: `internal error while sniffing the file: ${errorText(error)}`,
        fix: 'report this bug with the file',
        position: undefined
      }
    ]
  }
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return (text.split('\n')[0] ?? '').slice(0, 200)
}

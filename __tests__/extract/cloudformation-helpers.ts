// Shared helpers of the CloudFormation extractor tests.
import { expect } from '@jest/globals'
import { cloudFormationExtractor } from '../../src/extract/cloudformation/extractor.js'
import { DEFAULT_FACTS, type ExtractedDocument, type Extraction } from '../../src/extract/types.js'
import { parsePolicy } from '../../src/policy/parse.js'

export function extract(yaml: string): Extraction {
  return cloudFormationExtractor.extract('template.yaml', yaml, { facts: DEFAULT_FACTS })
}

/** A template with the given `Resources` body (indented by the caller at two spaces). */
export function template(resources: string, head = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'\n${head}Resources:\n${resources}`
}

export function only(extraction: Extraction): ExtractedDocument {
  expect(extraction.documents).toHaveLength(1)
  return extraction.documents[0] as ExtractedDocument
}

export function byLocation(extraction: Extraction, location: string): ExtractedDocument {
  const found = extraction.documents.find((d) => d.location === location)
  if (!found) {
    throw new Error(`no ${location} in ${extraction.documents.map((d) => d.location).join(', ')}`)
  }
  return found
}

export function json(document: ExtractedDocument): Record<string, unknown> {
  return JSON.parse(document.text) as Record<string, unknown>
}

export function statement(document: ExtractedDocument, index = 0): Record<string, unknown> {
  const statements = json(document)['Statement'] as Record<string, unknown>[]
  return statements[index] as Record<string, unknown>
}

/** The document parses as a valid policy of its kind (no error diagnostics). */
export function expectValidPolicy(document: ExtractedDocument): void {
  const parsed = parsePolicy(document.text, { file: document.name, kind: document.kind })
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
}

// Shared by the Terraform extraction tests.
import { parsePolicy } from '../../src/policy/parse.js'
import type { ExtractedDocument, Extraction, ExtractOptions } from '../../src/extract/types.js'
import { extractTerraform } from '../../src/extract/terraform/extractor.js'
import { OPTIONS } from './helpers.js'

export function tf(text: string, options: ExtractOptions = OPTIONS): Extraction {
  return extractTerraform('infra/main.tf', text, options)
}

export function doc(extraction: Extraction, location: string): ExtractedDocument {
  const found = extraction.documents.find((d) => d.location === location)
  if (!found) {
    const have = extraction.documents.map((d) => d.location).join(', ')
    throw new Error(`no document ${location}; have: ${have}`)
  }
  return found
}

export function json(document: ExtractedDocument): Record<string, unknown> {
  return JSON.parse(document.text) as Record<string, unknown>
}

export function statements(document: ExtractedDocument): Record<string, unknown>[] {
  return json(document)['Statement'] as Record<string, unknown>[]
}

/** The parsed statements without positions, for comparing documents written differently. */
export function parsedStatements(document: ExtractedDocument): unknown[] {
  const parsed = parsePolicy(document.text, { file: 'x.json', kind: document.kind })
  if (!parsed.policy) throw new Error(parsed.diagnostics.map((d) => d.message).join('; '))
  return parsed.policy.statements.map((s) => ({
    sid: s.sid,
    effect: s.effect,
    action: { negated: s.action.negated, values: [...s.action.values] },
    resource: s.resource && { negated: s.resource.negated, values: [...s.resource.values] },
    principal: s.principal,
    conditions: s.conditions.map((c) => ({
      operator: c.operator,
      key: c.key,
      values: [...c.values]
    }))
  }))
}

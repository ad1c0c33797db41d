// A bare policy document: a JSON object with a top-level `Statement`, under any file name. The
// document text is the file text, so pointers map 1:1 onto the file. A file that is not valid
// JSON but starts like an object and mentions `"Statement"` is a policy someone broke: it is
// still claimed, so the parser reports where it is broken. A file holding template syntax
// (`${account_id}`, `{{ }}`) is not a policy AWS ever sees: it is reported as not reviewed.
import { quote } from '../diagnostics/quote.js'
import { LineIndex } from '../policy/line-index.js'
import { DEFAULT_MAX_BYTES, parseLocatedJson } from '../policy/located-json.js'
import type { PolicyKind } from '../policy/model.js'
import { jsonTopLevelKeys } from './json-top-keys.js'
import { positionsUnder } from './json-positions.js'
import { findTemplateSyntax } from './sniff-template.js'
import type { ExtractedDocument, Extractor, SourcePosition } from './types.js'

export const POLICY_JSON_CLAIM = 10
/** not JSON, but shaped like a policy: claimed below every recognised format */
export const BROKEN_POLICY_JSON_CLAIM = 5

export const TEMPLATE_FIX =
  'render the template and review the rendered JSON, or write the value literally (IAM policy variables such as `${aws:username}` are fine)'

export const policyJsonExtractor: Extractor = {
  format: 'policy-json',
  claims(_path, text) {
    const keys = jsonTopLevelKeys(text)
    if (keys !== undefined) return keys.includes('Statement') ? POLICY_JSON_CLAIM : 0
    return /^\uFEFF?\s*\{/.test(text) && text.includes('"Statement"') ? BROKEN_POLICY_JSON_CLAIM : 0
  },
  extract(path, text) {
    const template = findTemplateSyntax(text)
    if (template !== undefined) {
      const position = new LineIndex(text).position(template.offset)
      return {
        format: 'policy-json',
        documents: [],
        unreviewable: [
          {
            what: 'templated policy JSON',
            reason: `template syntax ${quote(template.syntax)} at ${position.line}:${position.column}`,
            fix: TEMPLATE_FIX,
            position
          }
        ],
        diagnostics: []
      }
    }
    return {
      format: 'policy-json',
      documents: [wholeFile(path, text)],
      unreviewable: [],
      diagnostics: []
    }
  }
}

function wholeFile(path: string, text: string): ExtractedDocument {
  let positionOf: ((pointer: string) => SourcePosition | undefined) | undefined
  return {
    location: '',
    name: path,
    kind: kindOf(text),
    attachedTo: undefined,
    text,
    // the located tree is built on first use: most documents never need a position
    positionOf: (pointer) => {
      positionOf ??= locate(text)
      return positionOf(pointer)
    },
    placeholders: [],
    diagnostics: []
  }
}

function locate(text: string): (pointer: string) => SourcePosition | undefined {
  const json = parseLocatedJson(text)
  if (json.root === undefined) return () => undefined
  return positionsUnder(json.root, json.lines, { opaque: false })
}

/** A statement naming a principal makes the document resource-based (as src/sources/detect.ts). */
export function kindOf(text: string): PolicyKind {
  if (text.length > DEFAULT_MAX_BYTES) return 'identity'
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return 'identity'
  }
  return namesPrincipal(value) ? 'resource' : 'identity'
}

export function namesPrincipal(document: unknown): boolean {
  if (!isObject(document)) return false
  const statement = document['Statement']
  const statements: unknown[] = Array.isArray(statement) ? statement : [statement]
  return statements.some(
    (s) => isObject(s) && (Object.hasOwn(s, 'Principal') || Object.hasOwn(s, 'NotPrincipal'))
  )
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

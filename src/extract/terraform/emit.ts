// A rendered document → the ExtractedDocument handed to src/policy: placeholder tokens take the
// form their slot needs (an ARN in `Resource`, a role ARN in an `AWS` principal), then the value
// is serialised with a pointer → position map. Shared by the `.tf` and the plan extractors.
import type { Diagnostic } from '../../diagnostics/diagnostic.js'
import type { PolicyKind } from '../../policy/model.js'
import { shapeTokens } from '../cloudformation/document.js'
import type { PlaceholderLog } from '../cloudformation/placeholders.js'
import { positionLookup, serialise } from '../cloudformation/resolved.js'
import type { Attachment, ExtractedDocument } from '../types.js'
import { toRNode, type TfValue } from './values.js'

export interface DocumentSpec {
  readonly location: string
  readonly name: string
  readonly kind: PolicyKind
  readonly attachedTo: Attachment | undefined
  readonly doc: TfValue
}

export function emitDocument(
  spec: DocumentSpec,
  log: PlaceholderLog,
  partition: string,
  diagnostics: readonly Diagnostic[] = []
): ExtractedDocument {
  const shaped = shapeTokens(toRNode(spec.doc), log, partition)
  const { text, positions } = serialise(shaped)
  return {
    location: spec.location,
    name: spec.name,
    kind: spec.kind,
    attachedTo: spec.attachedTo,
    text,
    positionOf: positionLookup(positions),
    placeholders: log.usedIn(text),
    diagnostics
  }
}

/** Resource-based when a statement names a principal, else identity (as for bare policy JSON). */
export function guessKind(doc: TfValue): PolicyKind {
  const statements =
    doc.t === 'map' ? doc.entries.find((e) => e.key === 'Statement')?.value : undefined
  const list = statements?.t === 'list' ? statements.items : statements ? [statements] : []
  const named = list.some(
    (s) => s.t === 'map' && s.entries.some((e) => e.key === 'Principal' || e.key === 'NotPrincipal')
  )
  return named ? 'resource' : 'identity'
}

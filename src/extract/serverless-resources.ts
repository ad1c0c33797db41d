// `resources:` of a serverless configuration is a CloudFormation template fragment (Resources,
// Conditions, Outputs). It goes to the CloudFormation extractor as JSON text written from the
// located tree (serverless variables resolved first), and every position that extractor reports
// in that text is mapped back to the serverless file; locations get the prefix `resources/`.
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { valueOf, type Located, type LocatedNode } from './located-tree.js'
import { resolveVariables, type VariableContext } from './serverless-variables.js'
import type { ServerlessDeps } from './serverless.js'
import type { Extraction, ExtractOptions, SourcePosition, Unreviewable } from './types.js'
import { originOf, writeLocated, type Written } from './write-located.js'

const PREFIX = 'resources/'

export const NO_CLOUDFORMATION_FIX =
  'review the CloudFormation template that `serverless package` writes to .serverless/'

export function delegateResources(
  path: string,
  resources: LocatedNode,
  ctx: VariableContext,
  options: ExtractOptions,
  deps: ServerlessDeps
): Extraction | undefined {
  const cloudFormation = deps.cloudFormation()
  if (cloudFormation === undefined) return withoutCloudFormation(resources)
  const written = writeLocated(resolveVariables(resources, ctx))
  const result = cloudFormation.extract(path, written.text, options)
  const back = (position: SourcePosition | undefined): SourcePosition | undefined => {
    const origin = position && originOf(written, position)
    return origin && { line: origin.line, column: origin.column }
  }
  return {
    format: 'serverless',
    documents: result.documents.map((doc) => ({
      ...doc,
      location: PREFIX + doc.location,
      positionOf: (pointer: string) => back(doc.positionOf(pointer)),
      placeholders: [...doc.placeholders, ...ctx.placeholders.usedIn(doc.text)],
      diagnostics: doc.diagnostics.map((d) => remap(d, written))
    })),
    unreviewable: result.unreviewable.map((u) => ({ ...u, position: back(u.position) })),
    attachments: (result.attachments ?? []).map((a) => ({
      ...a,
      location: PREFIX + a.location,
      position: back(a.position)
    })),
    diagnostics: result.diagnostics.map((d) => remap(d, written))
  }
}

function remap(d: Diagnostic, written: Written): Diagnostic {
  if (d.span === undefined) return d
  const origin: Located | undefined = originOf(written, d.span)
  if (origin === undefined) {
    const { span: _dropped, ...rest } = d
    return rest
  }
  const span = { start: origin.start, end: origin.end, line: origin.line, column: origin.column }
  return { ...d, span }
}

const IAM_TYPES =
  /^AWS::(?:IAM::|S3::BucketPolicy|SQS::QueuePolicy|SNS::TopicPolicy|KMS::Key|Lambda::Permission)/

/** No CloudFormation extractor in this build: IAM resources are reported as not reviewed. */
function withoutCloudFormation(resources: LocatedNode): Extraction | undefined {
  const list = valueOf(resources, 'Resources')
  if (list?.kind !== 'map') return undefined
  const found = list.entries.find((e) => {
    const type = valueOf(e.value, 'Type')
    return type?.kind === 'scalar' && typeof type.value === 'string' && IAM_TYPES.test(type.value)
  })
  if (found === undefined) return undefined
  const unreviewable: Unreviewable = {
    what: 'CloudFormation resources in a serverless configuration',
    reason: `resource ${found.key} holds IAM policies and CloudFormation is not read in this build`,
    fix: NO_CLOUDFORMATION_FIX,
    position: { line: found.keyAt.line, column: found.keyAt.column }
  }
  return { format: 'serverless', documents: [], unreviewable: [unreviewable], diagnostics: [] }
}

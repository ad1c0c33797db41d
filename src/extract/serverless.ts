// serverless.yml / serverless.yaml / serverless.json (Serverless Framework): the default Lambda
// role's statements (`provider.iam.role.statements`, the older `provider.iamRoleStatements`),
// its managed policies (attachments, reported on the role's document as placeholders are not
// needed), per-function statements (serverless-iam-roles-per-function: `functions.<f>.
// iamRoleStatements`, with `iamRoleStatementsInherit`), and `resources.Resources`, which is
// CloudFormation and goes to the CloudFormation extractor (serverless-resources.ts).
import { decodeTemplate, valueOf, type LocatedNode } from './located-tree.js'
import { jsonTopLevelKeys } from './json-top-keys.js'
import { delegateResources } from './serverless-resources.js'
import {
  buildStatementsDocument,
  intrinsics,
  type StatementSource
} from './serverless-statements.js'
import { Placeholders, resolveVariables, type VariableContext } from './serverless-variables.js'
import type {
  Attachment,
  ExtractedDocument,
  Extraction,
  Extractor,
  ExtractOptions,
  PolicyAttachment
} from './types.js'

/** above CloudFormation's claim: a serverless file's `resources` look like a template */
export const SERVERLESS_CLAIM = 40
export const SERVERLESS_CONTENT_CLAIM = 30

/** The name serverless gives the default role's logical ID. */
export const DEFAULT_ROLE = 'IamRoleLambdaExecution'

export interface ServerlessDeps {
  /** the CloudFormation extractor, when one is registered */
  readonly cloudFormation: () => Extractor | undefined
}

const NAME = /(?:^|\/)serverless\.(?:ya?ml|json)$/i

export function createServerlessExtractor(deps: ServerlessDeps): Extractor {
  return {
    format: 'serverless',
    claims(path, text) {
      if (!hasServiceAndProvider(text)) return 0
      return NAME.test(path) ? SERVERLESS_CLAIM : SERVERLESS_CONTENT_CLAIM
    },
    extract(path, text, options) {
      return extractServerless(path, text, options, deps)
    }
  }
}

function hasServiceAndProvider(text: string): boolean {
  const keys = jsonTopLevelKeys(text)
  if (keys !== undefined) return keys.includes('service') && keys.includes('provider')
  return /^service\s*:/m.test(text) && /^provider\s*:/m.test(text)
}

function extractServerless(
  path: string,
  text: string,
  options: ExtractOptions,
  deps: ServerlessDeps
): Extraction {
  const decoded = decodeTemplate(text, { file: path })
  const root = decoded.root
  const ctx: VariableContext = {
    file: path,
    root,
    facts: options.facts,
    placeholders: new Placeholders(),
    diagnostics: []
  }
  if (root?.kind !== 'map') {
    return {
      format: 'serverless',
      documents: [],
      unreviewable: [],
      diagnostics: [...decoded.diagnostics]
    }
  }
  const documents: ExtractedDocument[] = []
  const provider = valueOf(root, 'provider')
  const providerStatements = providerStatementSources(provider)
  const role: Attachment = { kind: 'role', name: DEFAULT_ROLE, type: 'AWS::IAM::Role' }
  const document = buildStatementsDocument(ctx, {
    location: 'provider/iam/role/statements',
    name: `default lambda role ${DEFAULT_ROLE} › statements`,
    sources: providerStatements,
    attachedTo: role
  })
  if (document !== undefined) documents.push(document)
  const attachments = managedPolicies(provider).map((node) => managedAttachment(ctx, node, role))
  documents.push(...functionDocuments(ctx, valueOf(root, 'functions'), providerStatements))
  const resources = valueOf(valueOf(root, 'resources'), 'Resources')
  const delegated =
    resources === undefined
      ? undefined
      : delegateResources(path, valueOf(root, 'resources') as LocatedNode, ctx, options, deps)
  return {
    format: 'serverless',
    documents: [...documents, ...(delegated?.documents ?? [])],
    unreviewable: [...(delegated?.unreviewable ?? [])],
    attachments: [...attachments, ...(delegated?.attachments ?? [])],
    diagnostics: [...decoded.diagnostics, ...ctx.diagnostics, ...(delegated?.diagnostics ?? [])]
  }
}

/** `provider.iam.role.statements` wins over the older `provider.iamRoleStatements`. */
function providerStatementSources(provider: LocatedNode | undefined): StatementSource[] {
  const role = valueOf(valueOf(provider, 'iam'), 'role')
  const modern = valueOf(role, 'statements')
  if (modern !== undefined) return [{ node: modern, key: 'provider.iam.role.statements' }]
  const old = valueOf(provider, 'iamRoleStatements')
  return old === undefined ? [] : [{ node: old, key: 'provider.iamRoleStatements' }]
}

function managedPolicies(provider: LocatedNode | undefined): LocatedNode[] {
  const role = valueOf(valueOf(provider, 'iam'), 'role')
  const list = valueOf(role, 'managedPolicies') ?? valueOf(provider, 'iamManagedPolicies')
  return list?.kind === 'seq' ? [...list.items] : list === undefined ? [] : [list]
}

/** serverless-iam-roles-per-function: one role per function that has statements. */
function functionDocuments(
  ctx: VariableContext,
  functions: LocatedNode | undefined,
  inherited: readonly StatementSource[]
): ExtractedDocument[] {
  if (functions?.kind !== 'map') return []
  const documents: ExtractedDocument[] = []
  for (const entry of functions.entries) {
    const statements = valueOf(entry.value, 'iamRoleStatements')
    if (statements === undefined) continue
    const inherit = resolveVariables(
      valueOf(entry.value, 'iamRoleStatementsInherit') ?? {
        ...statements,
        kind: 'scalar',
        value: false
      },
      ctx
    )
    const own: StatementSource = {
      node: statements,
      key: `functions.${entry.key}.iamRoleStatements`
    }
    const withInherited =
      inherit.kind === 'scalar' && (inherit.value === true || inherit.value === 'true')
    const document = buildStatementsDocument(ctx, {
      location: `functions/${segment(entry.key)}/iamRoleStatements`,
      name: `function ${entry.key} role › statements`,
      sources: withInherited ? [own, ...inherited] : [own],
      attachedTo: { kind: 'role', name: `${entry.key} function role`, type: 'AWS::IAM::Role' }
    })
    if (document !== undefined) documents.push(document)
  }
  return documents
}

function managedAttachment(
  ctx: VariableContext,
  node: LocatedNode,
  role: Attachment
): PolicyAttachment {
  const resolved = intrinsics(ctx, resolveVariables(node, ctx))
  const policy = resolved.kind === 'scalar' ? String(resolved.value) : '(not a string)'
  return {
    relation: 'managed-policy',
    to: role,
    policy,
    location: `provider/iam/role/managedPolicies/${segment(policy)}`,
    position: { line: node.line, column: node.column }
  }
}

function segment(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1')
}

// The Terraform extractor: one `.tf` file → its policies. The file is parsed by our own HCL
// parser (hcl-parse.ts, docs/ARCHITECTURE.md "Terraform"), expressions are evaluated as far as
// the file says what they are (evaluate.ts), and every policy argument, `aws_iam_policy_document`
// and Lambda permission becomes one document located by its Terraform address
// (`aws_iam_role.deploy/assume_role_policy`, `data.aws_iam_policy_document.deploy`). Other files
// of the module are not read (their values become placeholders), except through the optional
// `readSibling` for `file()` / `templatefile()`.
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js'
import { quote } from '../../diagnostics/quote.js'
import { PlaceholderLog } from '../cloudformation/placeholders.js'
import type {
  ExtractedDocument,
  Extraction,
  Extractor,
  ExtractOptions,
  Unreviewable
} from '../types.js'
import { blocks, type Body, type Expr, type Pos } from './hcl-ast.js'
import { parseHcl } from './hcl-parse.js'
import { parseTerraformJson } from './json-syntax.js'
import { Evaluator } from './evaluate.js'
import { emitDocument, guessKind } from './emit.js'
import { indexModule } from './module-index.js'
import { moduleVariables } from './module-context.js'
import { renderPolicyDocument } from './policy-document.js'
import { policyValue } from './policy-value.js'
import { resourceFindings, type ResourceFindings } from './resources.js'
import type { TfValue } from './values.js'

export const TERRAFORM_CLAIM = 30
export const TERRAFORM_FIX_UNKNOWN =
  'write the value in this file (a literal, or a variable with a literal default), or review the `terraform show -json` plan output'
const SNIFF_BYTES = 256 * 1024
const IAM_MARKERS =
  /\b(?:resource|data)\s+"aws_(?:iam_[a-z0-9_]+|[a-z0-9_]*_policy|kms_key|lambda_permission|s3_bucket|sqs_queue|sns_topic|secretsmanager_secret)"|"aws_(?:iam_[a-z0-9_]+|[a-z0-9_]*_policy)"|\bjsonencode\s*\(/

export const terraformExtractor: Extractor = {
  format: 'terraform',
  claims(path, text) {
    const lower = path.toLowerCase()
    // every `.tf.json` file: JSON escapes (`"aws_iam_polic\u0079"`) would hide a type name from
    // a text search, and a file without IAM content yields no document anyway
    if (lower.endsWith('.tf.json')) return TERRAFORM_CLAIM
    if (!lower.endsWith('.tf')) return 0
    return IAM_MARKERS.test(text.slice(0, SNIFF_BYTES)) ? TERRAFORM_CLAIM : 0
  },
  extract(path, text, options) {
    return extractTerraform(path, text, options)
  }
}

/** Terraform's JSON configuration syntax (json-syntax.ts) */
export function isTerraformJson(path: string): boolean {
  return path.toLowerCase().endsWith('.tf.json')
}

function span(at: Pos): Diagnostic['span'] {
  return { start: at.start, end: at.end, line: at.line, column: at.column }
}

export function extractTerraform(path: string, text: string, options: ExtractOptions): Extraction {
  const json = isTerraformJson(path)
  const parsed = json ? parseTerraformJson(text) : parseHcl(text)
  if (!parsed.body) {
    const error = parsed.error
    const syntax = json ? 'Terraform JSON' : 'HCL'
    const message = `the file is not valid ${syntax}: ${error?.message ?? 'unknown error'}`
    const d = diagnostic('terraform-syntax', { message, file: path, span: error && span(error.at) })
    return { format: 'terraform', documents: [], unreviewable: [], diagnostics: [d] }
  }
  const index = indexModule(parsed.body)
  const log = new PlaceholderLog()
  const referenced = new Set<string>()
  let current = ''
  const ev: Evaluator = new Evaluator({
    text,
    file: path,
    index,
    facts: options.facts,
    log,
    lines: parsed.lines,
    readSibling: options.readSibling,
    module: moduleVariables(path, options, {
      log,
      gap: (what, reason, at) => ev.gap(what, reason, at)
    }),
    policyDocument: (name) => {
      const block = index.data.get(`aws_iam_policy_document.${name}`)
      return block && renderPolicyDocument(ev, block, `data.aws_iam_policy_document.${name}`)
    },
    onReference: (name) => {
      if (name !== current) referenced.add(name)
    }
  })
  const found: ResourceFindings = { values: [], built: [], attachments: [] }
  for (const block of blocks(parsed.body, 'resource')) resourceFindings(ev, block, found)
  const standalone: { name: string; doc: TfValue }[] = []
  for (const block of blocks(parsed.body, 'data')) {
    const [type, name] = block.labels
    if (type !== 'aws_iam_policy_document' || name === undefined) continue
    current = name
    ev.owner = `data.aws_iam_policy_document.${name}`
    const steps = ['aws_iam_policy_document', name, 'json'].map((n) => ({
      t: 'attr' as const,
      name: n
    }))
    const doc = ev.evaluate({ k: 'ref', root: 'data', steps, at: block.at }, new Map())
    if (doc.t === 'json') standalone.push({ name, doc: doc.doc })
  }
  current = ''
  const passed = moduleArguments(ev, parsed.body)
  const out = emitAll(path, ev, found, log, options.facts.partition)
  for (const { location, name, doc } of passed) {
    const spec = { location, name, kind: guessKind(doc), attachedTo: undefined, doc }
    out.documents.push(emitDocument(spec, log, options.facts.partition))
  }
  for (const { name, doc } of standalone) {
    if (referenced.has(name)) continue
    const location = `data.aws_iam_policy_document.${name}`
    const spec = {
      location,
      name: `${location} › policy document`,
      kind: guessKind(doc),
      attachedTo: undefined,
      doc
    }
    out.documents.push(emitDocument(spec, log, options.facts.partition))
  }
  return { format: 'terraform', ...out, attachments: found.attachments }
}

/**
 * Policies passed to modules (`module "p" { source = "terraform-aws-modules/iam/aws//…", policy
 * = jsonencode({…}) }`): an argument written as a policy (`jsonencode(…)`, a policy document's
 * `.json`, `file()`/`templatefile()`, a string holding `"Statement"`) whose value is a policy
 * document is reviewed as one, located at `module.<name>/<argument>`; what the module does with
 * its other arguments is not known.
 */
function moduleArguments(
  ev: Evaluator,
  body: Body
): { location: string; name: string; doc: TfValue }[] {
  const out: { location: string; name: string; doc: TfValue }[] = []
  for (const block of blocks(body, 'module')) {
    const [module] = block.labels
    if (module === undefined) continue
    for (const item of block.body.items) {
      if (item.kind !== 'attribute' || !writtenAsPolicy(item.expr)) continue
      ev.owner = `module.${module}`
      const v = policyValue(ev.evaluate(item.expr, new Map()))
      if (v.doc === undefined) continue
      out.push({
        location: `module.${module}/${item.name}`,
        name: `module.${module} › ${item.name}`,
        doc: v.doc
      })
    }
  }
  return out
}

function writtenAsPolicy(expr: Expr): boolean {
  switch (expr.k) {
    case 'call':
      return ['jsonencode', 'file', 'templatefile'].includes(expr.name)
    case 'ref':
      return (
        expr.root === 'data' &&
        expr.steps[0]?.t === 'attr' &&
        expr.steps[0].name === 'aws_iam_policy_document'
      )
    case 'template':
      return expr.parts.some((p) => p.k === 'text' && p.value.includes('"Statement"'))
    default:
      return false
  }
}

function emitAll(
  path: string,
  ev: Evaluator,
  found: ResourceFindings,
  log: PlaceholderLog,
  partition: string
): Pick<Extraction, 'diagnostics'> & {
  documents: ExtractedDocument[]
  unreviewable: Unreviewable[]
} {
  const diagnostics: Diagnostic[] = []
  const unreviewable: Unreviewable[] = []
  const documents: ExtractedDocument[] = []
  for (const { spec, value, at } of found.values) {
    const v = policyValue(value)
    if (v.doc) documents.push(emitDocument({ ...spec, doc: v.doc }, log, partition))
    else if (v.unknown !== undefined) {
      const stands = log.standsFor(v.unknown) ?? quote(v.unknown)
      unreviewable.push({
        what: `Terraform: ${spec.name}`,
        reason: `the policy is ${stands}, known only when Terraform runs`,
        fix: TERRAFORM_FIX_UNKNOWN,
        position: ev.at(at)
      })
    } else {
      const message = `${spec.name}: \`${spec.location.split('/').at(-1) ?? ''}\` is not a policy document: ${v.error ?? ''}`
      diagnostics.push(
        diagnostic('terraform-policy-invalid', { message, file: path, span: span(at) })
      )
    }
  }
  for (const spec of found.built) documents.push(emitDocument(spec, log, partition))
  for (const gap of ev.gaps) {
    unreviewable.push({
      what: `Terraform: ${gap.what}`,
      reason: gap.reason,
      fix: TERRAFORM_FIX_UNKNOWN,
      position: gap.at
    })
  }
  if (ev.exhausted) {
    const message = 'the configuration exceeds the evaluation limits: some values are placeholders'
    diagnostics.push(diagnostic('terraform-limit', { message, file: path }))
  }
  return { documents, unreviewable, diagnostics }
}

// Template syntax in a file that holds a policy: `${var}` that is not an IAM policy variable,
// Terraform directives `%{ if }`, Jinja / Go templates `{{ }}` / `{% %}`, ERB `<%= %>`. Such a
// file is rendered by some tool before AWS sees it, so reading it as a policy would review text
// that never reaches AWS (the engine would even read `${account_id}` as a policy variable).
//
// What the engine treats as a variable (src/engine/variables.ts): `${key}` and `${key, 'default'}`
// with a non-empty key without `$` or `{`, plus the escapes `${*}`, `${?}`, `${$}`. Of these, IAM
// defines only keys in the namespaces below; everything else is some other tool's template.

/**
 * Namespaces of IAM policy variables. IAM substitutes any condition key of the request, and AWS's
 * own managed policies use service keys as variables (`${datazone:projectId}`,
 * `${deadline:PrincipalId}`, `${sagemaker:DomainId}`), so a `service:Key` body is an IAM variable
 * unless its namespace belongs to a templating tool: the Serverless Framework's variable sources
 * (`self`, `opt`, `env`, `sls`, `file`, `cf`, `param`, `strToBool`, `git`) and CloudFormation's
 * `AWS::` pseudo parameters. Identity-provider keys use host names (`accounts.google.com:sub`).
 */
const TEMPLATE_NAMESPACES = new Set([
  'self',
  'opt',
  'env',
  'sls',
  'file',
  'cf',
  'param',
  'strtobool',
  'git'
])

const IAM_KEY = /^([a-z0-9][a-z0-9.-]*):[A-Za-z0-9][A-Za-z0-9_.:/+=@-]*$/i

/** True for the body of an IAM policy variable: `aws:username`, `aws:PrincipalTag/team, 'x'`, `*`. */
export function isIamVariableBody(body: string): boolean {
  if (body === '*' || body === '?' || body === '$') return true
  const comma = body.indexOf(',')
  const key = (comma < 0 ? body : body.slice(0, comma)).trim()
  const match = IAM_KEY.exec(key)
  if (match === null || TEMPLATE_NAMESPACES.has((match[1] ?? '').toLowerCase())) return false
  if (comma < 0) return true
  // a default is one single-quoted string (the engine's grammar)
  return /^\s*'[^']*'\s*$/.test(body.slice(comma + 1))
}

export interface TemplateSyntax {
  /** the syntax as written, cut to a readable length, e.g. `${account_id}` */
  readonly syntax: string
  /** 0-based offset in the text */
  readonly offset: number
}

/** Longest piece of template text quoted back to the user. */
const SHOWN = 60

/** `%{ if … }`, `{{ … }}`, `{% … %}`, `<%= … %>` (bounded, linear-time patterns). */
const OTHER_TEMPLATES: readonly RegExp[] = [
  /%\{~?\s*(?:if|for|else|endif|endfor)\b[^}\n]{0,200}\}/,
  /\{\{[^{}\n]{0,200}\}\}/,
  /\{%-?\s*[A-Za-z_][^%\n]{0,200}%\}/,
  /<%[=#-]?[^%]{0,200}%>/
]

/**
 * The first template syntax in `text` that IAM would not read as it is meant, or undefined.
 * `allow` decides which `${…}` bodies are acceptable (default: IAM policy variables only).
 */
export function findTemplateSyntax(
  text: string,
  allow: (body: string) => boolean = isIamVariableBody
): TemplateSyntax | undefined {
  let first = findDollarTemplate(text, allow)
  for (const pattern of OTHER_TEMPLATES) {
    const match = pattern.exec(text)
    if (match && (first === undefined || match.index < first.offset)) {
      first = { syntax: cut(match[0]), offset: match.index }
    }
  }
  return first
}

function findDollarTemplate(
  text: string,
  allow: (body: string) => boolean
): TemplateSyntax | undefined {
  for (let open = text.indexOf('${'); open >= 0; open = text.indexOf('${', open + 2)) {
    const close = text.indexOf('}', open + 2)
    // an unclosed `${` is literal text for the engine, but a template for its author
    const body = close < 0 ? text.slice(open + 2, open + 2 + SHOWN) : text.slice(open + 2, close)
    if (close >= 0 && !body.includes('\n') && allow(body)) continue
    const shown = close < 0 || body.includes('\n') ? `\${${firstLine(body)}` : `\${${body}}`
    return { syntax: cut(shown), offset: open }
  }
  return undefined
}

function firstLine(text: string): string {
  const end = text.search(/[\r\n]/)
  return end < 0 ? text : text.slice(0, end)
}

function cut(text: string): string {
  return text.length <= SHOWN ? text : `${text.slice(0, SHOWN)}…`
}

// The one policy-variable resolver (IAM-SEMANTICS §4.6): `${key}`, `${key, 'default'}` and the
// escapes `${*}`, `${?}`, `${$}`. Templates are parsed once per policy value; resolving only
// looks keys up. Substituted text is always literal: a `*` in a tag value is not a wildcard.
import { getLowercase, type PreparedContext } from './context.js'
import type { GlobPart } from './wildcard.js'
import { parseGlob } from './wildcard.js'

export type TemplatePart =
  | GlobPart
  /** `key` is lowercased (the lookup form: keys are case-insensitive, §4.1) */
  | { readonly kind: 'variable'; readonly key: string; readonly defaultValue: string | undefined }

export interface Template {
  readonly parts: readonly TemplatePart[]
  readonly hasVariables: boolean
  /** the policy text the template came from */
  readonly source: string
}

type VariablePart = Extract<TemplatePart, { kind: 'variable' }>

/**
 * Parses policy text. `variables`: substitute `${...}` (only Version 2012-10-17, §4.6; otherwise
 * it is plain text). `wildcards`: `*`/`?` are wildcards; when false they are literal text.
 * Malformed `${...}` (no closing brace, empty key, bad default) stays literal text.
 */
export function parseTemplate(
  text: string,
  options: { variables: boolean; wildcards: boolean }
): Template {
  const parts: TemplatePart[] = []
  let literal = ''
  let hasVariables = false
  const flush = (): void => {
    if (literal === '') return
    if (options.wildcards) parts.push(...parseGlob(literal))
    else parts.push({ kind: 'text', text: literal })
    literal = ''
  }
  let i = 0
  while (i < text.length) {
    const open = options.variables ? text.indexOf('${', i) : -1
    const found = open < 0 ? undefined : readVariable(text, open)
    if (open < 0) {
      literal += text.slice(i)
      break
    }
    literal += text.slice(i, found === undefined ? open + 1 : open)
    if (found === undefined) {
      i = open + 1
      continue
    }
    flush()
    if (found.part.kind === 'variable') hasVariables = true
    parts.push(found.part)
    i = found.end
  }
  flush()
  return { parts: mergeText(parts), hasVariables, source: text }
}

/** The `${...}` starting at `open`, or undefined when it is not a well-formed variable. */
function readVariable(
  text: string,
  open: number
): { part: GlobPart | VariablePart; end: number } | undefined {
  const close = text.indexOf('}', open + 2)
  if (close < 0) return undefined
  const body = text.slice(open + 2, close)
  if (body === '*' || body === '?' || body === '$') {
    return { part: { kind: 'text', text: body }, end: close + 1 }
  }
  const comma = body.indexOf(',')
  if (comma < 0) {
    const key = body.trim()
    if (key === '' || key.includes('$') || key.includes('{')) return undefined
    return {
      part: { kind: 'variable', key: key.toLowerCase(), defaultValue: undefined },
      end: close + 1
    }
  }
  return readDefault(text, open, comma)
}

/** `${key, 'default'}`: the default is single-quoted and may contain `}`. */
function readDefault(
  text: string,
  open: number,
  comma: number
): { part: VariablePart; end: number } | undefined {
  const key = text.slice(open + 2, open + 2 + comma).trim()
  if (key === '' || key.includes('$') || key.includes('{')) return undefined
  let i = open + 3 + comma
  while (text.charCodeAt(i) === 32) i++
  if (text.charCodeAt(i) !== 39) return undefined
  const quote = text.indexOf("'", i + 1)
  if (quote < 0) return undefined
  const defaultValue = text.slice(i + 1, quote)
  let end = quote + 1
  while (text.charCodeAt(end) === 32) end++
  if (text.charCodeAt(end) !== 125) return undefined
  return { part: { kind: 'variable', key: key.toLowerCase(), defaultValue }, end: end + 1 }
}

/** Joins adjacent literal text parts so matchers see maximal literal runs. */
function mergeText(parts: readonly TemplatePart[]): TemplatePart[] {
  const merged: TemplatePart[] = []
  for (const part of parts) {
    const previous = merged.at(-1)
    if (part.kind === 'text' && previous?.kind === 'text') {
      merged[merged.length - 1] = { kind: 'text', text: previous.text + part.text }
    } else merged.push(part)
  }
  return merged
}

/**
 * Substitutes variables from the context. Undefined = unresolvable: a key that is absent (or an
 * empty list) or multivalued, with no default (§4.6). Substituted text is literal text.
 * Templates without variables return their own parts (no allocation).
 */
export function resolveTemplate(
  template: Template,
  context: PreparedContext
): GlobPart[] | undefined {
  if (!template.hasVariables) return template.parts as GlobPart[]
  const out: GlobPart[] = []
  for (const part of template.parts) {
    if (part.kind !== 'variable') {
      out.push(part)
      continue
    }
    const value = variableValue(part, context)
    if (value === undefined) return undefined
    out.push({ kind: 'text', text: value })
  }
  return out
}

/**
 * The values a template's variables take in the context, as one string: the key under which a
 * resolution can be cached (the value itself for one variable, so no allocation). Undefined
 * exactly when resolveTemplate is.
 */
export function bindingKey(template: Template, context: PreparedContext): string | undefined {
  let first = ''
  let rest = ''
  let count = 0
  for (const part of template.parts) {
    if (part.kind !== 'variable') continue
    const value = variableValue(part, context)
    if (value === undefined) return undefined
    if (count === 0) first = value
    else rest += `${value.length}:${value}`
    count++
  }
  // length-prefixed when there are several values, so different splits never collide
  return count <= 1 ? first : `${first.length}:${first}${rest}`
}

/**
 * The template as one string, for operators without wildcards (StringEquals…): `*` and `?`
 * parts become their characters. Undefined = unresolvable, as for resolveTemplate.
 */
export function resolveTemplateText(
  template: Template,
  context: PreparedContext
): string | undefined {
  let text = ''
  for (const part of template.parts) {
    if (part.kind === 'text') text += part.text
    else if (part.kind === 'star') text += '*'
    else if (part.kind === 'one') text += '?'
    else {
      const value = variableValue(part, context)
      if (value === undefined) return undefined
      text += value
    }
  }
  return text
}

/**
 * The value substituted for one variable: the key's single value, else the default.
 * [UNCERTAIN] §4.6: a multivalued key is unresolvable even when it has one element, and an
 * empty list counts as absent (so its default applies).
 */
function variableValue(part: VariablePart, context: PreparedContext): string | undefined {
  const value = getLowercase(context, part.key)
  if (value !== undefined && !value.multi) return value.values[0]
  return part.defaultValue
}

/** The `${...}` texts of a template's variables, for messages (`${aws:PrincipalTag/Team}`). */
export function unresolvedVariables(template: Template, context: PreparedContext): string[] {
  return template.parts.flatMap((part) =>
    part.kind === 'variable' && variableValue(part, context) === undefined ? [part.key] : []
  )
}

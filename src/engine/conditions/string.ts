// String* operators (IAM-SEMANTICS §4.2): StringEquals/NotEquals exact and case-sensitive,
// …IgnoreCase exact ignoring case, StringLike/NotLike glob (`*`, `?`) case-sensitive. Policy
// variables are substituted in 2012-10-17 policies (§4.6); substituted text is literal.
// Also home of templateValues, the variable binding that Arn* shares.
import type { OperatorInfo } from '../../policy/condition-operators.js'
import type { PreparedContext } from '../context.js'
import { prepareContext } from '../context.js'
import type { Template } from '../variables.js'
import {
  bindingKey,
  parseTemplate,
  resolveTemplate,
  resolveTemplateText,
  unresolvedVariables
} from '../variables.js'
import type { GlobPart, TextMatcher } from '../wildcard.js'
import { compileGlob } from '../wildcard.js'
import { DISCARD_ISSUES, quoteValue } from './modifiers.js'
import { loweredOf } from './parsed-value.js'
import type { CompiledValues, ConditionOperator, PolicyValues, Verdict } from './operator.js'

type StringMode = 'exact' | 'ignore-case' | 'like'

function stringMode(info: OperatorInfo): StringMode {
  if (info.name.endsWith('Like')) return 'like'
  return info.name.endsWith('IgnoreCase') ? 'ignore-case' : 'exact'
}

export const STRING_OPERATOR: ConditionOperator = {
  family: 'string',
  expects: 'a string',
  compile(info, values, variables) {
    const mode = stringMode(info)
    const templates = values.map((v) => parseTemplate(v, { variables, wildcards: mode === 'like' }))
    if (mode === 'like') {
      return templateValues(templates, resolveTemplate, (parts) => likeValues(parts))
    }
    return templateValues(templates, resolveTemplateText, (texts) =>
      mode === 'exact' ? exactValues(texts) : ignoreCaseValues(texts)
    )
  }
}

function exactValues(texts: readonly string[]): PolicyValues {
  const has = textTest(texts)
  return { test: (value, index) => (has(value.values[index] ?? '') ? 'match' : 'no-match') }
}

function ignoreCaseValues(texts: readonly string[]): PolicyValues {
  const has = textTest(texts.map((t) => t.toLowerCase()))
  return { test: (value, index) => (has(loweredOf(value)[index] ?? '') ? 'match' : 'no-match') }
}

/** Is the text one of `texts`? A set look-up once there are more than a few. */
function textTest(texts: readonly string[]): (text: string) => boolean {
  if (texts.length > 8) {
    const set = new Set(texts)
    return (text) => set.has(text)
  }
  return (text) => {
    for (let i = 0; i < texts.length; i++) if (texts[i] === text) return true
    return false
  }
}

function likeValues(patterns: readonly (readonly GlobPart[])[]): PolicyValues {
  const matchers: TextMatcher[] = patterns.map((p) => compileGlob(p, { ignoreCase: false }))
  return {
    test(value, index) {
      const r = value.values[index] ?? ''
      for (let i = 0; i < matchers.length; i++) if (matchers[i]?.(r) === true) return 'match'
      return 'no-match'
    }
  }
}

const EMPTY_CONTEXT = prepareContext(undefined)

/**
 * Compiles policy values that may hold variables. Values without variables are built once;
 * those with variables are resolved per context, and an unresolvable one is left out (it is
 * "null": never equal, §4.6) with a 'variable-unresolved' issue on every evaluation.
 * Resolutions are cached by the values the variables take (a review meets few), and the last
 * context's is kept at hand: base and head share compiled policies, so it often comes back.
 */
export function templateValues<R>(
  templates: readonly Template[],
  resolve: (template: Template, context: PreparedContext) => R | undefined,
  build: (values: R[]) => PolicyValues
): CompiledValues {
  const fixed = build(
    resolveAll(
      templates.filter((t) => !t.hasVariables),
      EMPTY_CONTEXT,
      resolve
    )
  )
  const dynamic = templates.filter((t) => t.hasVariables)
  if (dynamic.length === 0) return { fixed, bind: () => fixed }
  const bindings = new Map<string, Binding>()
  const bindingFor = (context: PreparedContext): Binding => {
    const key = jointBindingKey(dynamic, context)
    let found = bindings.get(key)
    if (found === undefined) {
      const { resolved, unresolved } = resolveEach(dynamic, context, resolve)
      found = { values: resolved.length === 0 ? fixed : either(fixed, build(resolved)), unresolved }
      if (bindings.size >= MAX_BINDINGS) bindings.clear()
      bindings.set(key, found)
    }
    return found
  }
  let lastContext: PreparedContext | undefined
  let last: Binding | undefined
  return {
    fixed: undefined,
    bind(context, issues, label) {
      if (context !== lastContext || last === undefined) {
        last = bindingFor(context)
        lastContext = context
      }
      if (issues !== DISCARD_ISSUES) {
        for (const template of last.unresolved) {
          issues('variable-unresolved', `${label}: ${unresolvedMessage(template, context)}`)
        }
      }
      return last.values
    }
  }
}

/** The policy values for one binding of the variables, and the templates left unresolved. */
interface Binding {
  readonly values: PolicyValues
  readonly unresolved: readonly Template[]
}

/** Bounds each clause's cache of bindings; when full it starts over. */
const MAX_BINDINGS = 256

/** bindingKey of every template, length-prefixed so keys of different splits never collide. */
function jointBindingKey(templates: readonly Template[], context: PreparedContext): string {
  let key = ''
  for (const template of templates) {
    const one = bindingKey(template, context)
    key += one === undefined ? '-' : `${one.length}:${one}`
  }
  return key
}

function resolveEach<R>(
  templates: readonly Template[],
  context: PreparedContext,
  resolve: (template: Template, context: PreparedContext) => R | undefined
): { resolved: R[]; unresolved: Template[] } {
  const resolved: R[] = []
  const unresolved: Template[] = []
  for (const template of templates) {
    const value = resolve(template, context)
    if (value !== undefined) resolved.push(value)
    else unresolved.push(template)
  }
  return { resolved, unresolved }
}

function unresolvedMessage(template: Template, context: PreparedContext): string {
  const keys = unresolvedVariables(template, context).map(quoteValue).join(', ')
  return `value ${quoteValue(template.source)}: no value for variable ${keys}`
}

function resolveAll<R>(
  templates: readonly Template[],
  context: PreparedContext,
  resolve: (template: Template, context: PreparedContext) => R | undefined
): R[] {
  const out: R[] = []
  for (const template of templates) {
    const value = resolve(template, context)
    if (value !== undefined) out.push(value)
  }
  return out
}

/** Some value of `a` or of `b` matches. */
function either(a: PolicyValues, b: PolicyValues): PolicyValues {
  return {
    test(value, index): Verdict {
      const first = a.test(value, index)
      if (first === 'match') return first
      const second = b.test(value, index)
      return second === 'match' || first === 'no-match' ? second : first
    }
  }
}

// String* operators (IAM-SEMANTICS §4.2): StringEquals/NotEquals exact and case-sensitive,
// …IgnoreCase exact ignoring case, StringLike/NotLike glob (`*`, `?`) case-sensitive. Policy
// variables are substituted in 2012-10-17 policies (§4.6); substituted text is literal.
// Also home of templateValues, the variable binding that Arn* shares.
import type { OperatorInfo } from '../../policy/condition-operators.js'
import type { PreparedContext } from '../context.js'
import { prepareContext } from '../context.js'
import type { Template } from '../variables.js'
import {
  parseTemplate,
  resolveTemplate,
  resolveTemplateText,
  unresolvedVariables
} from '../variables.js'
import type { GlobPart, TextMatcher } from '../wildcard.js'
import { compileGlob } from '../wildcard.js'
import { quoteValue } from './modifiers.js'
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
  if (texts.length > 8) {
    const set = new Set(texts)
    return { test: (r) => (set.has(r) ? 'match' : 'no-match') }
  }
  return {
    test(r) {
      for (let i = 0; i < texts.length; i++) if (texts[i] === r) return 'match'
      return 'no-match'
    }
  }
}

function ignoreCaseValues(texts: readonly string[]): PolicyValues {
  const exact = exactValues(texts.map((t) => t.toLowerCase()))
  return { test: (r) => exact.test(r.toLowerCase()) }
}

function likeValues(patterns: readonly (readonly GlobPart[])[]): PolicyValues {
  const matchers: TextMatcher[] = patterns.map((p) => compileGlob(p, { ignoreCase: false }))
  return {
    test(r) {
      for (let i = 0; i < matchers.length; i++) if (matchers[i]?.(r) === true) return 'match'
      return 'no-match'
    }
  }
}

const EMPTY_CONTEXT = prepareContext(undefined)

/**
 * Compiles policy values that may hold variables. Values without variables are built once;
 * those with variables are resolved per context, and an unresolvable one is left out (it is
 * "null": never equal, §4.6) with a 'variable-unresolved' issue on every evaluation. The last
 * context's binding is kept: the engine evaluates one prepared request against many policies
 * (and base and head share compiled policies), so the same context often comes back.
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
  if (dynamic.length === 0) return { bind: () => fixed }
  let lastContext: PreparedContext | undefined
  let lastValues = fixed
  let lastUnresolved: string[] = []
  return {
    bind(context, issues, label) {
      if (context !== lastContext) {
        const resolved: R[] = []
        lastUnresolved = []
        for (const template of dynamic) {
          const value = resolve(template, context)
          if (value !== undefined) resolved.push(value)
          else lastUnresolved.push(unresolvedMessage(template, context))
        }
        lastValues = resolved.length === 0 ? fixed : either(fixed, build(resolved))
        lastContext = context
      }
      for (const message of lastUnresolved) issues('variable-unresolved', `${label}: ${message}`)
      return lastValues
    }
  }
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
    test(r): Verdict {
      const first = a.test(r)
      if (first === 'match') return first
      const second = b.test(r)
      return second === 'match' || first === 'no-match' ? second : first
    }
  }
}

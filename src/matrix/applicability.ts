// Which of an action's statements can apply to one witness resource (IAM-SEMANTICS §3.2). Only
// their condition clauses can tell that resource's requests apart, so the contexts of the other
// statements need not be probed with it.
import {
  compileResourceMatcher,
  matchResource,
  type ResourceMatcher
} from '../engine/match-resource.js'
import type { ContextInput } from '../engine/types.js'
import { splitArn } from '../policy/arn.js'
import type { Samples } from './samples.js'
import type { SourceStatement } from './statements.js'

const noIssues = (): void => undefined

/** Whether a statement's resource patterns are substituted per request (§4.6). */
function hasResourceVariables(s: SourceStatement): boolean {
  return s.variables && (s.statement.resource?.values.some((v) => v.includes('${')) ?? false)
}

export class Applicability {
  private readonly matchers = new Map<number, ResourceMatcher>()
  private readonly cache = new Map<readonly SourceStatement[], Map<string, readonly boolean[]>>()

  constructor(private readonly samples: Samples) {}

  /**
   * Per statement: can its Resource/NotResource element match the resource, with the variable
   * values the witnesses assume or without them (a statement without one always can)?
   */
  of(
    statements: readonly SourceStatement[],
    resource: string,
    bindings: Readonly<Record<string, string>>
  ): readonly boolean[] {
    let byResource = this.cache.get(statements)
    if (byResource === undefined) {
      byResource = new Map()
      this.cache.set(statements, byResource)
    }
    const key = `${resource}\n${JSON.stringify(bindings)}`
    let applies = byResource.get(key)
    if (applies === undefined) {
      const prepared = { text: resource, arn: splitArn(resource) }
      const contexts = [this.samples.context(bindings), this.samples.context({})]
      applies = statements.map((s) => {
        const matcher = this.matcher(s)
        return contexts.some((c) => matchResource(matcher, prepared, c, noIssues))
      })
      byResource.set(key, applies)
    }
    return applies
  }

  /**
   * Per statement, whether its Resource/NotResource element matches the resource in exactly this
   * context, as '1'/'0' characters. Only statements whose patterns hold policy variables depend on
   * the context; the others reuse `of`, which is exact for them.
   */
  exactly(
    statements: readonly SourceStatement[],
    resource: string,
    bindings: Readonly<Record<string, string>>,
    context: Readonly<Record<string, ContextInput>>
  ): string {
    const loose = this.of(statements, resource, bindings)
    let prepared: { text: string; arn: ReturnType<typeof splitArn> } | undefined
    let bits = ''
    statements.forEach((s, i) => {
      if (!hasResourceVariables(s)) {
        bits += loose[i] === true ? '1' : '0'
        return
      }
      prepared ??= { text: resource, arn: splitArn(resource) }
      const matched = matchResource(
        this.matcher(s),
        prepared,
        this.samples.context(context),
        noIssues
      )
      bits += matched ? '1' : '0'
    })
    return bits
  }

  /** Whether some statement's resource patterns depend on the request's context (variables). */
  contextual(statements: readonly SourceStatement[]): boolean {
    return statements.some(hasResourceVariables)
  }

  private matcher(s: SourceStatement): ResourceMatcher {
    let m = this.matchers.get(s.id)
    if (m === undefined) {
      m = compileResourceMatcher(s.statement.resource, { variables: s.variables })
      this.matchers.set(s.id, m)
    }
    return m
  }
}

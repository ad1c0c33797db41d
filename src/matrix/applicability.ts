// Which of an action's statements can apply to one witness resource (IAM-SEMANTICS §3.2). Only
// their condition clauses can tell that resource's requests apart, so the contexts of the other
// statements need not be probed with it.
import {
  compileResourceMatcher,
  matchResource,
  type ResourceMatcher
} from '../engine/match-resource.js'
import { splitArn } from '../policy/arn.js'
import type { Samples } from './samples.js'
import type { SourceStatement } from './statements.js'

const noIssues = (): void => undefined

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

  private matcher(s: SourceStatement): ResourceMatcher {
    let m = this.matchers.get(s.id)
    if (m === undefined) {
      m = compileResourceMatcher(s.statement.resource, { variables: s.variables })
      this.matchers.set(s.id, m)
    }
    return m
  }
}

// The request matrix: hand-written requests from the configuration plus, when `auto` is on,
// requests derived from both sides' policies (docs/MATRIX.md): every action their patterns can
// reach × witness resources × principals × witness contexts. Deterministic and bounded.
//
// Actions that no statement of either side tells apart form one class (docs/MATRIX.md "Action
// classes"): their requests are the same up to the action and resource names, so the engine
// decides them alike, and only the first action of the class is probed. The report names the
// whole class. This is what lets `Action: "*"` with many conditions be reviewed completely.
import type { ActionCatalog } from '../catalog/catalog.js'
import type { MatrixSpec } from '../config/types.js'
import { actionHasOwnRules } from '../engine/decision.js'
import type { PolicySet, Request } from '../engine/types.js'
import { splitArn, type ArnParts } from '../policy/arn.js'
import { Applicability } from './applicability.js'
import { expandActions, type ProbeAction, type UnknownAction } from './expand-actions.js'
import { expandSpec } from './expand-spec.js'
import { keyAvailability } from './key-availability.js'
import { principalsFor } from './principals.js'
import { callerContexts, complete, realize } from './realize.js'
import { followsCaller, samplesFor, type Samples } from './samples.js'
import {
  collectStatements,
  gateStructure,
  hasResourcePolicy,
  sameOnBothSides,
  type SourceStatement
} from './statements.js'
import { ContextWitnessBuilder, contextKey, type Context } from './witness-contexts.js'
import { ResourceWitnessBuilder } from './witness-resources.js'

export interface ProbeRequest extends Request {
  readonly origin: 'auto' | 'config'
  /**
   * Context keys set because AWS sends them in every request, with the value the request implies
   * (realize.ts); renderers leave them out, replays keep them.
   */
  readonly implied?: readonly string[]
  /**
   * resources of other resource types that no statement tells apart from `resource` (the same
   * Resource matches, account and region): a change found on this request is checked on them
   * too (alikeRequests), so each type whose decision changes gets its own row
   */
  readonly alike?: readonly string[]
  /**
   * a caller of the resource's own account whose own (identity) policies are assumed to allow
   * every action (docs/REPORT.md): a grant to the account, which needs them, or a Deny relaxed
   * before such a caller shows; the same request without the assumption is probed too
   */
  readonly permitted?: boolean
}

export interface MatrixInput {
  readonly base: PolicySet | undefined
  readonly head: PolicySet | undefined
  readonly catalog: ActionCatalog
  readonly specs: readonly MatrixSpec[]
  readonly auto: boolean
  /** the caller of identity-side requests (and the resource owner's account for resource policies) */
  readonly principal: string
  /** most requests returned; beyond it the matrix is truncated */
  readonly limit: number
  /**
   * the resource the reviewed resource-based policy is attached to (a role for its trust
   * policy), when the sources name it: statements without a Resource are probed on it
   */
  readonly ownResource?: string | undefined
  /**
   * the configuration names the subject's principal: identity-side requests keep it as the
   * caller (its policies govern no one else), so a witness that would move the caller to
   * another principal (`aws:PrincipalArn`, `aws:username`) is dropped
   */
  readonly fixedCaller?: boolean
}

export interface Matrix {
  /** configured requests first (in configuration order), then generated ones (sorted) */
  readonly requests: readonly ProbeRequest[]
  /** generated requests in `requests` */
  readonly generated: number
  /** configured requests in `requests` */
  readonly configured: number
  /** some requests were dropped to stay within the limit */
  readonly truncated: boolean
  /** actions named by the policies that the catalogue lacks, sorted */
  readonly unknownActions: readonly UnknownAction[]
  /**
   * Generated actions that were not probed because another action decides alike: probed
   * action → every action of its class (itself first, then sorted). Absent for a class of one.
   */
  readonly actionClasses: ReadonlyMap<string, readonly string[]>
}

interface Generated {
  /** per action class, its first action's requests */
  readonly groups: readonly (readonly ProbeRequest[])[]
  readonly unknownActions: readonly UnknownAction[]
  readonly actionClasses: ReadonlyMap<string, readonly string[]>
}

/** One action's class signature, and its requests (built only for a class's first action). */
interface ActionProbe {
  /** equal for two actions only when their requests decide alike, request for request */
  readonly signature: string
  /** `seen` (keys of requests built before, filled in) leaves out the requests already built */
  readonly requests: (seen?: Set<string>) => ProbeRequest[]
}

/** Builds the generated requests of one subject, action by action. */
class Generator {
  private readonly samples: Samples
  private readonly resourceMode: boolean
  private readonly callerVariants: (context: Context) => readonly Context[]
  private readonly principals: readonly string[]
  private readonly resources: ResourceWitnessBuilder
  private readonly contexts: ContextWitnessBuilder
  private readonly applicability: Applicability
  private readonly sameGates: boolean
  private readonly unchanged = new Map<readonly SourceStatement[], boolean>()

  /** per caller of a resource-based policy, a generator for that caller alone (ofCaller) */
  private readonly callers = new Map<string, Generator>()
  private readonly followsCaller = new Map<readonly SourceStatement[], boolean>()

  constructor(
    private readonly input: MatrixInput,
    private readonly statements: readonly SourceStatement[],
    /** set for a generator of one caller's requests (ofCaller) */
    private readonly caller?: string
  ) {
    this.resourceMode = hasResourcePolicy([input.base, input.head])
    this.samples =
      caller === undefined
        ? samplesFor(input.principal)
        : samplesFor(caller, samplesFor(input.principal).account)
    this.principals =
      caller === undefined
        ? principalsFor(statements, this.resourceMode, input.principal)
        : [caller]
    // the callers a resource policy names are probed with their own principal keys too
    this.callerVariants = this.resourceMode ? callerContexts : (context: Context) => [context]
    this.resources = new ResourceWitnessBuilder(
      input.catalog,
      this.samples,
      this.resourceMode,
      this.resourceMode ? input.ownResource : undefined
    )
    this.contexts = new ContextWitnessBuilder(this.samples)
    this.applicability = new Applicability(this.samples)
    this.sameGates = gateStructure(input.base) === gateStructure(input.head)
  }

  /** With the same gates on both sides, an action whose statements did not change cannot change. */
  skips(action: ProbeAction): boolean {
    if (!this.sameGates) return false
    let same = this.unchanged.get(action.statements)
    if (same === undefined) {
      same = sameOnBothSides(action.statements)
      this.unchanged.set(action.statements, same)
    }
    return same
  }

  private readonly statementIds = new Map<readonly SourceStatement[], number>()
  private readonly objectIds = new WeakMap<object, number>()
  private nextObjectId = 0

  /**
   * The action's witnesses, and the signature of its class; requests are built on demand. A
   * resource-based policy whose statements hold variables the engine derives from the caller
   * (`home/${aws:username}/*`) is probed caller by caller, each with witnesses built from its
   * own values: the probe user's name fills in no other caller's pattern.
   */
  probe(action: ProbeAction): ActionProbe {
    if (this.caller === undefined && this.resourceMode && this.dependsOnCaller(action.statements)) {
      const probes = this.principals.map((principal) => this.ofCaller(principal).probe(action))
      return {
        signature: probes.map((p) => p.signature).join('\u0001'),
        requests: () => {
          const seen = new Set<string>()
          return probes.flatMap((p) => p.requests(seen))
        }
      }
    }
    return this.probeWitnesses(action)
  }

  private dependsOnCaller(statements: readonly SourceStatement[]): boolean {
    let depends = this.followsCaller.get(statements)
    if (depends === undefined) {
      depends = statements.some(
        ({ statement, variables }) =>
          variables &&
          [
            ...(statement.resource?.values ?? []),
            ...statement.conditions.flatMap((c) => c.values)
          ].some(followsCaller)
      )
      this.followsCaller.set(statements, depends)
    }
    return depends
  }

  private ofCaller(principal: string): Generator {
    let generator = this.callers.get(principal)
    if (generator === undefined) {
      generator = new Generator(this.input, this.statements, principal)
      this.callers.set(principal, generator)
    }
    return generator
  }

  private probeWitnesses(action: ProbeAction): ActionProbe {
    const keys = keyAvailability(this.input.catalog, action.catalog)
    const witnesses = this.resources.witnesses(action, keys)
    const variants = this.contexts.contexts(action.statements, keys, witnesses.bindings)
    const blocks = witnesses.resources.map((resource) => {
      // resource policies: a resource ARN without an account (S3) belongs to the subject's account
      const account = splitArn(resource)?.account
      const owner = this.resourceMode && !account ? this.samples.account : undefined
      const contexts = variants.conditional
        ? variants.forStatements(
            this.applicability.of(action.statements, resource, witnesses.bindings)
          )
        : variants.all
      return { resource, account, owner, contexts, alike: witnesses.alike.get(resource) ?? [] }
    })
    const shapes = blocks.flatMap((b) => this.shapesOf(action, b, witnesses.bindings))
    return {
      signature: this.signatureOf(action, shapes),
      requests: (seen = new Set<string>()) =>
        blocks.flatMap((b) => this.requestsOf(action, b, seen))
    }
  }

  /** `seen`: the requests already built for the action (by this caller's or another's generator) */
  private requestsOf(action: ProbeAction, block: ResourceBlock, seen: Set<string>): ProbeRequest[] {
    const group: ProbeRequest[] = []
    for (const principal of this.principals) {
      for (const context of block.contexts.flatMap(this.callerVariants)) {
        const real = this.realized(principal, block, context)
        if (real === undefined) continue
        // two witnesses can name one real request (absent and the value AWS always sends), and
        // two callers' generators one moved caller
        const key = `${real.principal}\u0000${real.resource}\u0000${real.resourceAccount ?? ''}\u0000${contextKey(real.context)}`
        if (seen.has(key)) continue
        seen.add(key)
        // two literal shapes rather than a spread: big reviews build hundreds of thousands
        const request: ProbeRequest =
          real.resourceAccount === undefined
            ? {
                origin: 'auto',
                principal: real.principal,
                action: action.name,
                resource: real.resource,
                context: real.context,
                implied: real.implied,
                alike: block.alike
              }
            : {
                origin: 'auto',
                principal: real.principal,
                action: action.name,
                resource: real.resource,
                context: real.context,
                resourceAccount: real.resourceAccount,
                implied: real.implied,
                alike: block.alike
              }
        group.push(request)
        if (this.resourceMode && ownAccountMember(real.context))
          group.push({ ...request, permitted: true })
      }
    }
    return group
  }

  /**
   * What the engine's decisions on one resource's requests depend on besides the action and
   * resource names (IAM-SEMANTICS §3–§6): which statements' Resource elements match it (also
   * where a witness moves it to another account or region, and in each context when their
   * patterns hold variables), the ARN's account and region (the keys AWS always sends follow
   * them), the owner, and the contexts. Principals are the same for every action. Context lists
   * are named by identity: equal lists that are different objects only split a class.
   */
  private shapesOf(
    action: ProbeAction,
    block: ResourceBlock,
    bindings: Readonly<Record<string, string>>
  ): string[] {
    const { statements } = action
    const arn = splitArn(block.resource)
    const head = `${block.owner ?? ''}|${arn === undefined ? '-' : `${arn.account}|${arn.region}`}`
    if (!this.applicability.contextual(statements)) {
      const bits = [block.resource, ...this.movedResources(arn, block.contexts)].map((resource) =>
        this.applicability.exactly(statements, resource, bindings, {})
      )
      return [`${head}|${bits.join(',')}|${this.idOf(block.contexts)}`]
    }
    const shapes: string[] = []
    for (const principal of this.principals) {
      for (const context of block.contexts.flatMap(this.callerVariants)) {
        const real = this.realized(principal, block, context)
        if (real === undefined) continue
        const bits = this.applicability.exactly(statements, real.resource, bindings, real.context)
        shapes.push(`${head}|${bits}|${real.principal}|c${this.idOf(context)}`)
      }
    }
    return shapes
  }

  /** The resource moved to each other account and region the contexts ask for. */
  private movedResources(arn: ArnParts | undefined, contexts: readonly Context[]): string[] {
    if (arn === undefined) return []
    const moved = new Set<string>()
    for (const { account = arn.account, region = arn.region } of movesOf(contexts)) {
      const to = {
        account: arn.account === '' ? arn.account : account,
        region: arn.region === '' ? arn.region : region
      }
      if (to.account !== arn.account || to.region !== arn.region)
        moved.add(`arn:${arn.partition}:${arn.service}:${to.region}:${to.account}:${arn.resource}`)
    }
    return [...moved].sort(byText)
  }

  /** The request AWS would receive (realize.ts), within the subject's fixed caller. */
  private realized(
    principal: string,
    block: ResourceBlock,
    context: Context
  ): ReturnType<typeof realize> {
    const real = realize(principal, block.resource, block.owner, context)
    const moved = real !== undefined && real.principal !== principal
    return moved && this.input.fixedCaller === true && !this.resourceMode ? undefined : real
  }

  private idOf(value: object): number {
    let id = this.objectIds.get(value)
    if (id === undefined) {
      id = this.nextObjectId++
      this.objectIds.set(value, id)
    }
    return id
  }

  /** The same statements, the same request shapes (as a multiset), no action-specific rule. */
  private signatureOf(action: ProbeAction, shapes: string[]): string {
    let id = this.statementIds.get(action.statements)
    if (id === undefined) {
      id = this.statementIds.size
      this.statementIds.set(action.statements, id)
    }
    // actions outside the catalogue and actions with rules of their own are classes of one
    const own = action.catalog === undefined || actionHasOwnRules(action.name) ? action.name : ''
    return `${id}\u0000${own}\u0000${shapes.sort(byText).join('\u0000')}`
  }
}

interface Move {
  readonly account?: string
  readonly region?: string
}

const MOVES = new WeakMap<readonly Context[], readonly Move[]>()

/**
 * The accounts and regions the contexts move a resource to (their aws:ResourceAccount and
 * aws:RequestedRegion, realize.ts), read once per list: every action probed on it asks.
 */
function movesOf(contexts: readonly Context[]): readonly Move[] {
  let moves = MOVES.get(contexts)
  if (moves === undefined) {
    const found = new Map<string, Move>()
    for (const context of contexts) {
      let account: string | undefined
      let region: string | undefined
      for (const key of Object.keys(context)) {
        const lower = key.toLowerCase()
        const value = context[key]
        if (typeof value !== 'string') continue
        if (lower === 'aws:resourceaccount') account = value
        if (lower === 'aws:requestedregion') region = value
      }
      if (account !== undefined || region !== undefined)
        found.set(JSON.stringify([account, region]), {
          ...(account === undefined ? {} : { account }),
          ...(region === undefined ? {} : { region })
        })
    }
    moves = [...found.values()]
    MOVES.set(contexts, moves)
  }
  return moves
}

/** The caller is a user or session (not the root) of the account that owns the resource. */
function ownAccountMember(context: Context): boolean {
  const type = context['aws:PrincipalType']
  const account = context['aws:PrincipalAccount']
  return (
    (type === 'User' || type === 'AssumedRole' || type === 'FederatedUser') &&
    typeof account === 'string' &&
    account === context['aws:ResourceAccount']
  )
}

interface ResourceBlock {
  readonly resource: string
  readonly account: string | undefined
  readonly owner: string | undefined
  readonly contexts: readonly Context[]
  readonly alike: readonly string[]
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function generate(input: MatrixInput): Generated {
  const statements = collectStatements(input.base, input.head)
  const expansion = expandActions(input.catalog, statements)
  const generator = new Generator(input, statements)
  const classes = new Map<string, { requests: ProbeRequest[]; actions: string[] }>()
  for (const action of expansion.actions) {
    if (generator.skips(action)) continue
    const { requests, signature } = generator.probe(action)
    const known = classes.get(signature)
    if (known === undefined)
      classes.set(signature, { requests: requests(), actions: [action.name] })
    else known.actions.push(action.name)
  }
  const actionClasses = new Map<string, readonly string[]>()
  for (const { actions } of classes.values()) {
    const [first] = actions
    if (first !== undefined && actions.length > 1) actionClasses.set(first, actions)
  }
  return {
    groups: [...classes.values()].map((c) => c.requests),
    unknownActions: expansion.unknownActions,
    actionClasses
  }
}

/** Equal for two requests the engine decides alike (a permitted caller is another request). */
function requestKey(r: ProbeRequest): string {
  return JSON.stringify([
    r.permitted === true,
    r.principal,
    r.action,
    r.resource,
    r.resourceAccount ?? '',
    contextKey(r.context ?? {})
  ])
}

/** Drops requests already seen (a configured request wins over the same generated one). */
function dedupe(requests: readonly ProbeRequest[], seen: Set<string>): ProbeRequest[] {
  return requests.filter((r) => {
    const key = requestKey(r)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Within a budget, every action first gets its first request, then its second, and so on. */
function roundRobin(groups: readonly (readonly ProbeRequest[])[], budget: number): ProbeRequest[] {
  const total = groups.reduce((n, g) => n + g.length, 0)
  if (total <= budget) return groups.flat()
  const taken = groups.map(() => 0)
  let left = Math.max(0, budget)
  for (let round = 0; left > 0; round++) {
    let progressed = false
    groups.forEach((group, i) => {
      if (left > 0 && round < group.length) {
        taken[i] = round + 1
        left--
        progressed = true
      }
    })
    if (!progressed) break
  }
  return groups.flatMap((group, i) => group.slice(0, taken[i]))
}

/** A hand-written request with the keys AWS always sends that it leaves out (realize.ts). */
function completed(request: ProbeRequest): ProbeRequest {
  const real = complete(
    request.principal,
    request.resource,
    request.resourceAccount,
    request.context ?? {}
  )
  return real.implied.length === 0
    ? request
    : { ...request, context: real.context, implied: real.implied }
}

export function buildMatrix(input: MatrixInput): Matrix {
  const seen = new Set<string>()
  const allConfigured = dedupe(
    input.specs.flatMap((spec) => expandSpec(spec, input)).map(completed),
    seen
  )
  const generated: Generated = input.auto
    ? generate(input)
    : { groups: [], unknownActions: [], actionClasses: new Map() }
  // generated requests are distinct by construction: only configured ones can repeat them
  const groups =
    seen.size === 0 ? generated.groups : generated.groups.map((group) => dedupe(group, seen))
  const configured = allConfigured.slice(0, Math.max(0, input.limit))
  const auto = roundRobin(groups, input.limit - configured.length)
  const available = allConfigured.length + groups.reduce((n, g) => n + g.length, 0)
  return {
    requests: [...configured, ...auto],
    generated: auto.length,
    configured: configured.length,
    truncated: configured.length + auto.length < available,
    unknownActions: generated.unknownActions,
    actionClasses: generated.actionClasses
  }
}

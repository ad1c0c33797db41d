// Deterministic placeholders for values CloudFormation computes at deploy time. The same
// template text gives the same tokens on base and head, so only real changes show. A token is
// never read as an IAM policy variable or pattern: it contains no `${`, `*` or `?` (hostile
// names are reduced to [A-Za-z0-9._-]).
import type { Placeholder } from '../types.js'

/** Prefix of every opaque token: `iam-policy-diff.<what>.<name>`. */
export const TOKEN_PREFIX = 'iam-policy-diff'
const MAX_NAME = 64

/** Keeps letters, digits, `.`, `_` and `-`; cut to 64 characters; `unnamed` when nothing is left. */
export function sanitizeName(name: string): string {
  const kept = name.replace(/[^A-Za-z0-9._-]/g, '').slice(0, MAX_NAME)
  return kept === '' ? 'unnamed' : kept
}

/** A name inside an ARN resource part: also keeps `/`, `+`, `=`, `,`, `@`, `:`. */
export function sanitizeArnName(name: string): string {
  const kept = name.replace(/[^A-Za-z0-9._\-/+=,@:]/g, '').slice(0, 256)
  return kept === '' ? 'unnamed' : kept
}

export interface OpaqueToken {
  readonly what: string
  readonly name: string
}

export class PlaceholderLog {
  private readonly byValue = new Map<string, Placeholder>()
  /** tokens that stand for a whole value, reshaped by position (see shapeTokens) */
  readonly tokens = new Map<string, OpaqueToken>()

  add(value: string, stands: string, kind: Placeholder['kind']): string {
    if (!this.byValue.has(value)) this.byValue.set(value, { value, stands, kind })
    return value
  }

  /** `iam-policy-diff.<what>.<name>` for something known only at deploy time. */
  opaque(what: string, name: string, stands: string, kind: Placeholder['kind'] = 'opaque'): string {
    const token = `${TOKEN_PREFIX}.${what}.${sanitizeName(name)}`
    this.tokens.set(token, { what, name: sanitizeName(name) })
    return this.add(token, stands, kind)
  }

  /**
   * A 12-digit account ID for a token that stands where an ARN's account goes
   * (`arn:aws:iam::${TrustedAccount}:root`): `00` and ten digits of the token's FNV-1a hash, so
   * the same token is the same account on base and head, different tokens are different
   * accounts, and none is the deployment's own account. Recorded as a placeholder too.
   */
  accountFor(token: string): string {
    let hash = 0x811c9dc5
    for (let i = 0; i < token.length; i++) {
      hash ^= token.charCodeAt(i)
      hash = Math.imul(hash, 0x01000193) >>> 0
    }
    const account = `00${String(hash).padStart(10, '0')}`
    const known = this.byValue.get(token)
    return this.add(account, `account ${known?.stands ?? token}`, known?.kind ?? 'opaque')
  }

  /** what a recorded value stands for */
  standsFor(value: string): string | undefined {
    return this.byValue.get(value)?.stands
  }

  list(): Placeholder[] {
    return [...this.byValue.values()].sort((a, b) => a.value.localeCompare(b.value))
  }

  /** A copy that keeps only the placeholders whose value occurs in `text`. */
  usedIn(text: string): Placeholder[] {
    return this.list().filter((p) => text.includes(p.value))
  }
}

/**
 * The form a whole-value token takes where the policy grammar needs one: an ARN in
 * `Resource`, an IAM role ARN in an `AWS` principal, a host name in a `Service` or `Federated`
 * principal. Elsewhere (conditions, inside longer strings) the token stays as it is.
 */
export function shapeToken(
  token: OpaqueToken,
  slot: 'resource' | 'aws-principal' | 'host-principal',
  partition: string
): string {
  switch (slot) {
    case 'resource':
      return `arn:${partition}:${TOKEN_PREFIX}:::${token.what}/${token.name}`
    case 'aws-principal':
      return `arn:${partition}:iam::000000000000:role/${TOKEN_PREFIX}/${token.what}/${token.name}`
    case 'host-principal': {
      const label = token.name.replace(/[^A-Za-z0-9-]/g, '-').replace(/^-+|-+$/g, '') || 'unnamed'
      return `${label}.${token.what}.${TOKEN_PREFIX}.invalid`
    }
  }
}

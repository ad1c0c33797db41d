// Web-identity federation that lets anyone in (docs/RISKS.md, "public"). A role whose trust
// policy allows sts:AssumeRoleWithWebIdentity for an identity provider is assumable by every
// holder of a token from that provider that the conditions accept. For public providers anyone
// can get such a token (any GitHub repository's workflow, any Google account, any Cognito
// identity pool of any AWS account): only a condition on the token's subject (or, for Cognito,
// on the identity pool) pins the callers. Pure.
import { SAMPLE_TEXT } from '../matrix/samples.js'
import { splitArn } from '../policy/arn.js'

/** What the rule reads of a broadened change. */
export interface FederatedRequest {
  readonly action: string
  readonly principal: string
  readonly context: Readonly<Record<string, string | readonly string[]>>
}

const WEB_IDENTITY = 'sts:assumerolewithwebidentity'
const GITHUB = 'token.actions.githubusercontent.com'
const COGNITO = 'cognito-identity.amazonaws.com'

/**
 * The identity provider of a web-identity request principal: the host of an `oidc-provider/`
 * ARN, or the name given for a built-in provider (`cognito-identity.amazonaws.com`,
 * `accounts.google.com`, `graph.facebook.com`, `www.amazon.com`). Lowercase.
 */
export function webIdentityProvider(principal: string): string | undefined {
  const arn = splitArn(principal)
  if (arn === undefined) return principal.includes('.') ? principal.toLowerCase() : undefined
  if (arn.service !== 'iam' || !arn.resource.startsWith('oidc-provider/')) return undefined
  return arn.resource.slice('oidc-provider/'.length).toLowerCase()
}

/**
 * Whether a broadened change lets any holder of a public provider's token assume the role: the
 * request is an sts:AssumeRoleWithWebIdentity whose context carries no key that pins the token's
 * subject. Sources: AWS, "Configuring a role for GitHub OIDC identity provider" (IAM recommends
 * evaluating `token.actions.githubusercontent.com:sub` in every such trust policy); GitHub,
 * "Configuring OpenID Connect in Amazon Web Services" (at least one condition, so that untrusted
 * repositories cannot request access tokens); AWS, "Available keys for AWS web identity
 * federation" (`<provider>:sub`, and `cognito-identity.amazonaws.com:aud` for the identity pool).
 */
export function isOpenWebIdentity(change: FederatedRequest): boolean {
  if (change.action.toLowerCase() !== WEB_IDENTITY) return false
  const provider = webIdentityProvider(change.principal)
  if (provider === undefined) return false
  const value = (key: string): string | readonly string[] | undefined => {
    for (const [name, v] of Object.entries(change.context)) {
      if (name.toLowerCase() === key) return v
    }
    return undefined
  }
  if (provider === COGNITO && value(`${COGNITO}:aud`) !== undefined) return false
  const subject = value(`${provider}:sub`)
  if (subject === undefined) return true
  return provider === GITHUB && !pinsGitHubOwner(subject)
}

/**
 * GitHub subjects name the repository first (`repo:OWNER/REPO:…`, or with a customised template
 * `repository_owner:OWNER:…`); a subject a wildcard satisfied without a fixed owner (`repo:*`,
 * an owner wildcard, `*`) lets every repository in. The matrix fills a wildcard with `example`
 * (docs/MATRIX.md), so an owner whose name holds it is read as a wildcard.
 */
function pinsGitHubOwner(subject: string | readonly string[]): boolean {
  const values = typeof subject === 'string' ? [subject] : subject
  return values.every((v) => {
    const owner = /^(?:repo:([^/]+)\/|repository_owner(?:_id)?:([^:]+))/.exec(v)
    const name = owner?.[1] ?? owner?.[2]
    // `repo:my*/…` is filled as `repo:myexample/…`: any owner starting with `my`
    return name !== undefined && !name.includes(SAMPLE_TEXT) && !/[*?]/.test(name)
  })
}

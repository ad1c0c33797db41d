// IAM-SEMANTICS §3.2: "Docs forbid wildcards … in the resource-type word (`arn:aws:iam::A:u*`)"
// [UNCERTAIN]. AWS managed policies, which IAM accepted, put wildcards in that position in other
// ways: after a complete type word (`arn:aws:ec2:*:*:security-group*/*`), at the start
// (`arn:aws:bedrock:*:*:*-model/*`) and after words that are no type of the service
// (`arn:aws:sagemaker:*:*:Canvas*`). So only the documented shape is reported: the literal start
// of the resource part is a proper beginning of one of the service's type words, and a wildcard
// stands for the rest of it.
import { ARN_TYPE_WORDS } from './arn-type-words.js'

export interface WildcardTypeWord {
  /** the first token of the resource part, up to the first `/` or `:` (e.g. `u*`) */
  readonly token: string
  /** the service's type words that the literal start of the token begins, sorted */
  readonly words: readonly string[]
}

const parsedWords = new Map<string, readonly string[]>()

/** The service's type words from the generated table, split once per service. */
function typeWords(service: string): readonly string[] | undefined {
  if (!Object.hasOwn(ARN_TYPE_WORDS, service)) return undefined
  let words = parsedWords.get(service)
  if (words === undefined) {
    words = (ARN_TYPE_WORDS[service] ?? '').split(' ')
    parsedWords.set(service, words)
  }
  return words
}

/**
 * Whether the resource part of an ARN pattern of `service` cuts its resource-type word short with
 * a wildcard (`u*` for `user`, `instance-?rofile`); undefined when it does not, or when the
 * service's ARNs do not start with a type word (s3, sqs: see arn-type-words.ts).
 */
export function wildcardTypeWord(service: string, resource: string): WildcardTypeWord | undefined {
  const token = resource.slice(0, firstSeparator(resource))
  const wildcard = firstWildcard(token)
  // `*` alone is "any resource of the service"; a leading wildcard is what AWS itself writes
  if (wildcard <= 0 || token === '*') return undefined
  const all = typeWords(service)
  if (all === undefined) return undefined
  const start = token.slice(0, wildcard)
  if (all.includes(start)) return undefined
  const words = all.filter((word) => word.startsWith(start))
  return words.length === 0 ? undefined : { token, words }
}

function firstSeparator(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x2f || c === 0x3a) return i
  }
  return text.length
}

/** Index of the first `*` or `?`, or -1. */
function firstWildcard(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x2a || c === 0x3f) return i
  }
  return -1
}

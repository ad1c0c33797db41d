// ARN structure (IAM-SEMANTICS §3.2): six colon-separated parts; the resource part keeps any
// further colons.

export interface ArnParts {
  readonly partition: string
  readonly service: string
  readonly region: string
  readonly account: string
  /** everything after the fifth colon, colons included */
  readonly resource: string
}

/** Splits an ARN on its first five colons; undefined when it is not `arn:` with six parts. */
export function splitArn(text: string): ArnParts | undefined {
  if (!text.startsWith('arn:')) return undefined
  const c1 = text.indexOf(':', 4)
  if (c1 < 0) return undefined
  const c2 = text.indexOf(':', c1 + 1)
  if (c2 < 0) return undefined
  const c3 = text.indexOf(':', c2 + 1)
  if (c3 < 0) return undefined
  const c4 = text.indexOf(':', c3 + 1)
  if (c4 < 0) return undefined
  return {
    partition: text.slice(4, c1),
    service: text.slice(c1 + 1, c2),
    region: text.slice(c2 + 1, c3),
    account: text.slice(c3 + 1, c4),
    resource: text.slice(c4 + 1)
  }
}

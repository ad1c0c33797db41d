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
  const parts: string[] = []
  let from = 0
  for (let i = 0; i < 5; i++) {
    const colon = text.indexOf(':', from)
    if (colon < 0) return undefined
    parts.push(text.slice(from, colon))
    from = colon + 1
  }
  if (parts[0] !== 'arn') return undefined
  return {
    partition: parts[1] ?? '',
    service: parts[2] ?? '',
    region: parts[3] ?? '',
    account: parts[4] ?? '',
    resource: text.slice(from)
  }
}

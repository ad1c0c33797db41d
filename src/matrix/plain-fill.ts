// Does an ARN fill its format plainly? A witness ARN is the format of a resource type
// (`arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/routes/${RouteId}`) with each variable
// filled; IAM's `*` spans `/` and `:`, so a witness may fill a variable with a path
// (`…/authorizers/routes/example`). A plain fill puts no `/` or `:` in any variable: the ARN's
// separators are exactly the format's, and each piece between them matches its piece of the
// format. Linear in the ARN's length (a regular expression with two variables in one piece
// backtracks quadratically on a long ARN that fails, and witness ARNs come from hostile patterns).

/** Past this length no ARN counts as plain (IAM's own ARN limit is 2048 characters). */
export const MAX_PLAIN_ARN = 2048

/** One piece of a format between separators: literal texts with one variable between each two. */
type FormatPiece = readonly string[]

interface Format {
  /** the format's `/` and `:` in order */
  readonly separators: string
  readonly pieces: readonly FormatPiece[]
}

const VARIABLE = /\$\{[^}]*\}/g
const SEPARATOR = /[/:]/
const formats = new Map<string, Format>()

function formatOf(template: string): Format {
  let format = formats.get(template)
  if (format !== undefined) return format
  // the literal texts around each variable, then each split at the separators
  const literals = template.split(VARIABLE)
  let separators = ''
  const pieces: string[][] = [[]]
  for (const literal of literals) {
    const parts = literal.split(SEPARATOR)
    for (const c of literal) if (c === '/' || c === ':') separators += c
    // the text up to the literal's first separator continues the open piece (after the
    // variable before it, unless it is the first literal); each later part opens a piece
    const open = pieces[pieces.length - 1] as string[]
    open.push(parts[0] ?? '')
    for (const part of parts.slice(1)) pieces.push([part])
  }
  format = { separators, pieces }
  formats.set(template, format)
  return format
}

/**
 * The ARN fills one of the formats with no `/` or `:` in any variable (true when there are no
 * formats: there is nothing to prefer then).
 */
export function fillsPlainly(arn: string, templates: readonly string[]): boolean {
  return templates.length === 0 || plainFormat(arn, templates) !== undefined
}

/** The first of `templates` that the ARN fills plainly (see fillsPlainly), if any. */
export function plainFormat(arn: string, templates: readonly string[]): string | undefined {
  if (arn.length > MAX_PLAIN_ARN) return undefined
  let separators = ''
  for (const c of arn) if (c === '/' || c === ':') separators += c
  const parts = arn.split(SEPARATOR)
  return templates.find((template) => {
    const format = formatOf(template)
    if (format.separators !== separators) return false
    return format.pieces.every((piece, i) => fillsPiece(parts[i] ?? '', piece))
  })
}

/**
 * `text` is literal[0], a non-empty fill, literal[1], …, literal[n]: the leftmost place for each
 * middle literal leaves the most room for the rest, so the first fit found is the answer.
 */
function fillsPiece(text: string, literals: FormatPiece): boolean {
  const first = literals[0] ?? ''
  if (literals.length === 1) return text === first
  const last = literals[literals.length - 1] ?? ''
  if (!text.startsWith(first) || !text.endsWith(last)) return false
  const end = text.length - last.length
  let at = first.length
  for (let i = 1; i < literals.length - 1; i++) {
    const literal = literals[i] ?? ''
    // the variable before it takes at least one character
    const found = text.indexOf(literal, at + 1)
    if (found < 0) return false
    at = found + literal.length
  }
  // the last variable takes at least one character, before the last literal
  return end - at >= 1
}

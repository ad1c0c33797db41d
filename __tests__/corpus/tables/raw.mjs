// Raw JSON text spliced into a generated case file verbatim, for documents JavaScript objects
// cannot express (duplicate keys, IAM-SEMANTICS §2).
export const raw = (text) => ({ __rawJson: text })
export const isRaw = (value) =>
  typeof value === 'object' && value !== null && typeof value.__rawJson === 'string'

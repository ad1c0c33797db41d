// Lowercasing with a memo. Requests repeat the same few actions and condition keys thousands
// of times (a case file of 50,000 requests has a few hundred distinct ones), and a Map hit on a
// string JSON.parse has already hashed is cheaper than String.prototype.toLowerCase.

const MEMO = new Map<string, string>()
/** bounds the memo: past this many distinct strings it starts over (still correct, only slower) */
const MAX_MEMO = 4096

export function lowercase(text: string): string {
  const known = MEMO.get(text)
  if (known !== undefined) return known
  const lower = text.toLowerCase()
  if (MEMO.size >= MAX_MEMO) MEMO.clear()
  MEMO.set(text, lower)
  return lower
}

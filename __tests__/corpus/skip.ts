// Corpus cases not run, keyed by `<file> › <id>`. Every entry needs a reason. Keep this empty
// unless the engine is right and the spec (IAM-SEMANTICS.md) is ambiguous on the case.
export const SKIP: Readonly<Record<string, string>> = {}

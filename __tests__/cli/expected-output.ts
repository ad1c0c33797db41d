// The exact stdout of `iam-policy-diff evaluate __tests__/cli/fixtures/cases.json`, shared by the
// bundle tests under the current node and under Node 24.

export const CASES = '__tests__/cli/fixtures/cases.json'

/** The default output: a JSON array with one case per line. */
export const EXPECTED_CASES_OUTPUT = `[
{"id":"read-allowed","decision":"Allow"},
{"id":"deny-wins","decision":"ExplicitDeny"},
{"id":"many-requests","decisions":["Allow","ImplicitDeny"]},
{"id":"invalid-policy","decision":"Error","diagnostics":[{"code":"statement-effect-invalid","severity":"error","message":"statement 0: invalid effect \`Alow\`: use exactly \`Allow\` or \`Deny\`","file":"invalid-policy:identity[0]","line":86,"column":37,"pointer":"/Statement/0/Effect","help":"did you mean \`Allow\`?"}]},
{"id":"typo-in-action","decision":"Error","diagnostics":[{"code":"action-unknown","severity":"error","message":"request action \`s3:GetObjekt\` is not in the iam action catalogue","file":"${CASES}","line":108,"column":17,"pointer":"/4/request/action","help":"did you mean \`s3:GetObject\`?"}]}
]
`

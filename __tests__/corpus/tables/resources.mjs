// IAM-SEMANTICS §3.2: Resource / NotResource matching (per-segment ARN globbing, case-sensitive).
import { A, ALICE, allow, deny, doc, kase, req } from './helpers.mjs'

const id = (...statements) => ({ identity: [doc(...statements)] })
const get = (resource) => req(ALICE, 's3:GetObject', resource)
const lambda = (resource) => req(ALICE, 'lambda:InvokeFunction', resource)
const ddb = (resource) => req(ALICE, 'dynamodb:Query', resource)
const sqs = (resource) => req(ALICE, 'sqs:SendMessage', resource)
const ec2 = (resource) => req(ALICE, 'ec2:StartInstances', resource)
const FN = `arn:aws:lambda:us-east-1:${A}:function:my-fn`
const TABLE = `arn:aws:dynamodb:us-east-1:${A}:table/Books`

// prettier-ignore
const matching = [
  kase('res-star', '§3.2: "*" matches any resource', id(allow('s3:GetObject', '*')), get('arn:aws:s3:::any-bucket/any/key'), 'Allow'),
  kase('res-exact', '§3.2: exact ARN', id(allow('s3:GetObject', 'arn:aws:s3:::data-bucket/report.csv')), get('arn:aws:s3:::data-bucket/report.csv'), 'Allow'),
  kase('res-exact-other-key', '§3.2: exact ARN does not match another key', id(allow('s3:GetObject', 'arn:aws:s3:::data-bucket/report.csv')), get('arn:aws:s3:::data-bucket/report2.csv'), 'ImplicitDeny'),
  kase('res-case-key', '§3.2: resource part is case-sensitive (Reports/ vs reports/)', id(allow('s3:GetObject', 'arn:aws:s3:::data-bucket/Reports/*')), get('arn:aws:s3:::data-bucket/reports/q1.csv'), 'ImplicitDeny'),
  kase('res-case-iam-user', '§3.2: the IAM user-name part is case-sensitive (user/Alice vs user/alice)', id(allow('iam:GetUser', `arn:aws:iam::${A}:user/Alice`)), req(ALICE, 'iam:GetUser', `arn:aws:iam::${A}:user/alice`), 'ImplicitDeny'),
  kase('res-case-region', '§3.2: ARN patterns are matched case-sensitively, region included', id(allow('ec2:StartInstances', `arn:aws:ec2:US-EAST-1:${A}:instance/*`)), ec2(`arn:aws:ec2:us-east-1:${A}:instance/i-1`), 'ImplicitDeny'),
  kase('res-star-spans-slash', '§3.2: * matches a run including /', id(allow('s3:GetObject', 'arn:aws:s3:::data-bucket/*')), get('arn:aws:s3:::data-bucket/a/b/c.txt'), 'Allow'),
  kase('res-question-one', '§3.2: ? matches exactly one character', id(allow('s3:GetObject', 'arn:aws:s3:::data-bucket/file?.txt')), get('arn:aws:s3:::data-bucket/file1.txt'), 'Allow'),
  kase('res-question-two-chars', '§3.2: ? does not match two characters', id(allow('s3:GetObject', 'arn:aws:s3:::data-bucket/file?.txt')), get('arn:aws:s3:::data-bucket/file10.txt'), 'ImplicitDeny'),
  kase('res-question-zero-chars', '§3.2: ? does not match zero characters', id(allow('s3:GetObject', 'arn:aws:s3:::data-bucket/file?.txt')), get('arn:aws:s3:::data-bucket/file.txt'), 'ImplicitDeny'),
  kase('res-question-slash', '§3.2: ? matches a / as well (resource part is matched as a whole)', id(allow('s3:GetObject', 'arn:aws:s3:::data-bucket/a?b')), get('arn:aws:s3:::data-bucket/a/b'), 'Allow'),
  kase('res-colon-in-resource-part', '§3.2: function:my-fn:* matches function:my-fn:prod (resource part keeps colons)', id(allow('lambda:InvokeFunction', `${FN}:*`)), lambda(`${FN}:prod`), 'Allow'),
  kase('res-no-implicit-prefix-qualifier', '§3.2: no implicit prefix matching, function:my-fn does not match function:my-fn:prod', id(allow('lambda:InvokeFunction', FN)), lambda(`${FN}:prod`), 'ImplicitDeny'),
  kase('res-key-with-colon', '§3.2: data-bucket/* matches a key containing a colon', id(allow('s3:GetObject', 'arn:aws:s3:::data-bucket/*')), get('arn:aws:s3:::data-bucket/a:b'), 'Allow'),
  kase('res-mid-star-multi-level', '§3.2: bucket/*/test/* matches bucket/1/2/test/x.jpg', id(allow('s3:GetObject', 'arn:aws:s3:::bucket/*/test/*')), get('arn:aws:s3:::bucket/1/2/test/x.jpg'), 'Allow'),
  kase('res-mid-star-needs-segment', '§3.2: bucket/*/test/* does not match bucket/test/x.jpg', id(allow('s3:GetObject', 'arn:aws:s3:::bucket/*/test/*')), get('arn:aws:s3:::bucket/test/x.jpg'), 'ImplicitDeny'),
  kase('res-bucket-not-objects', '§3.2: arn:aws:s3:::b is the bucket, not its objects', id(allow('s3:GetObject', 'arn:aws:s3:::data-bucket')), get('arn:aws:s3:::data-bucket/k'), 'ImplicitDeny'),
  kase('res-bucket-star-objects', '§3.2: data-bucket* matches data-bucket/k (* spans /)', id(allow('s3:GetObject', 'arn:aws:s3:::data-bucket*')), get('arn:aws:s3:::data-bucket/k'), 'Allow'),
  kase('res-bucket-star-other-bucket', '§3.2: data-bucket* also matches data-bucket-archive/k', id(allow('s3:GetObject', 'arn:aws:s3:::data-bucket*')), get('arn:aws:s3:::data-bucket-archive/k'), 'Allow'),
  kase('res-dynamodb-no-index', '§3.2: table/Books does not match table/Books/index/X', id(allow('dynamodb:Query', TABLE)), ddb(`${TABLE}/index/ByAuthor`), 'ImplicitDeny'),
  kase('res-dynamodb-star-index', '§3.2: table/Books* matches table/Books/index/X', id(allow('dynamodb:Query', `${TABLE}*`)), ddb(`${TABLE}/index/ByAuthor`), 'Allow'),
  kase('res-region-star', '§3.2: * in the region segment', id(allow('ec2:StartInstances', `arn:aws:ec2:*:${A}:instance/*`)), ec2(`arn:aws:ec2:eu-west-1:${A}:instance/i-1`), 'Allow'),
  kase('res-account-mismatch', '§3.2: account segment must match', id(allow('ec2:StartInstances', `arn:aws:ec2:*:${A}:instance/*`)), ec2('arn:aws:ec2:eu-west-1:444455556666:instance/i-1'), 'ImplicitDeny'),
  kase('res-star-matches-empty-segment', '§3.2: * matches the empty region and account of an S3 ARN', id(allow('s3:GetObject', 'arn:aws:s3:*:*:data-bucket/*')), get('arn:aws:s3:::data-bucket/k'), 'Allow'),
  kase('res-partition-mismatch', '§3.2: partition segment must match (aws-cn vs aws)', id(allow('s3:GetObject', 'arn:aws-cn:s3:::data-bucket/*')), get('arn:aws:s3:::data-bucket/k'), 'ImplicitDeny'),
  kase('res-service-mismatch', '§3.2: service segment must match', id(allow('sqs:SendMessage', `arn:aws:sns:us-east-1:${A}:orders`)), sqs(`arn:aws:sqs:us-east-1:${A}:orders`), 'ImplicitDeny'),
  kase('res-array-any', '§3.2: Resource array, any entry', id(allow('s3:GetObject', ['arn:aws:s3:::other/*', 'arn:aws:s3:::data-bucket/*'])), get('arn:aws:s3:::data-bucket/k'), 'Allow'),
  kase('res-array-none', '§3.2: Resource array, no entry matches', id(allow('s3:GetObject', ['arn:aws:s3:::other/*', 'arn:aws:s3:::data-bucket'])), get('arn:aws:s3:::data-bucket/k'), 'ImplicitDeny'),
  kase('res-request-star-literal-policy-star', '§6: request resource "*" is matched by policy "*"', id(allow('ec2:DescribeInstances', '*')), req(ALICE, 'ec2:DescribeInstances', '*'), 'Allow'),
  kase('res-request-star-literal-arn', '§6: request resource "*" is matched literally, an ARN pattern does not match it', id(allow('ec2:DescribeInstances', `arn:aws:ec2:*:${A}:*`)), req(ALICE, 'ec2:DescribeInstances', '*'), 'ImplicitDeny'),
  kase('res-mid-star-spans-slashes', '§3.2: home/*/private matches home/alice/x/private (* spans /)', id(allow('s3:GetObject', 'arn:aws:s3:::data-bucket/home/*/private')), get('arn:aws:s3:::data-bucket/home/alice/x/private'), 'Allow')
]

// prettier-ignore
const shortPatterns = [
  kase('res-short-trailing-star', '§3.2: short pattern ending in * spans colons (arn:aws:sqs:us-east-1:*)', id(allow('sqs:SendMessage', 'arn:aws:sqs:us-east-1:*')), sqs(`arn:aws:sqs:us-east-1:${A}:orders`), 'Allow'),
  kase('res-short-trailing-star-region', '§3.2: arn:aws:sqs:us-east-1:* does not match a us-west-2 queue', id(allow('sqs:SendMessage', 'arn:aws:sqs:us-east-1:*')), sqs(`arn:aws:sqs:us-west-2:${A}:orders`), 'ImplicitDeny'),
  kase('res-short-region-star', '§3.2: arn:aws:ec2:* (region part *) matches any EC2 ARN', id(allow('ec2:StartInstances', 'arn:aws:ec2:*')), ec2(`arn:aws:ec2:us-east-1:${A}:instance/i-1`), 'Allow'),
  kase('res-short-partial-star', '§3.2: arn:aws:sqs:us-* matches the rest of a us-east-1 queue ARN', id(allow('sqs:SendMessage', 'arn:aws:sqs:us-*')), sqs(`arn:aws:sqs:us-east-1:${A}:orders`), 'Allow'),
  kase('res-short-partial-star-mismatch', '§3.2: arn:aws:sqs:us-* does not match an eu-west-1 queue', id(allow('sqs:SendMessage', 'arn:aws:sqs:us-*')), sqs(`arn:aws:sqs:eu-west-1:${A}:orders`), 'ImplicitDeny'),
  kase('res-short-no-star', '§3.2: a short pattern not ending in * matches nothing', id(allow('sqs:SendMessage', 'arn:aws:sqs:us-east-1')), sqs(`arn:aws:sqs:us-east-1:${A}:orders`), 'ImplicitDeny'),
  kase('res-uncertain-mid-star-no-span', "§3.2 [UNCERTAIN]: a full-length pattern's region * does not span colons (arn:aws:lambda:*:function:my-fn)", id(allow('lambda:InvokeFunction', 'arn:aws:lambda:*:function:my-fn')), lambda(`arn:aws:lambda:us-east-1:${A}:function:my-fn`), 'ImplicitDeny'),
  kase('res-short-request-star', '§6: request "*" is not an ARN, a short pattern does not match it', id(allow('ec2:DescribeInstances', 'arn:aws:ec2:*')), req(ALICE, 'ec2:DescribeInstances', '*'), 'ImplicitDeny')
]

// prettier-ignore
const notResource = [
  kase('notres-allow-others', '§3.2: Allow+NotResource grants every other resource', id({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' }), get('arn:aws:s3:::data-bucket/k'), 'Allow'),
  kase('notres-allow-listed', '§3.2: Allow+NotResource does not grant listed resources', id({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' }), get('arn:aws:s3:::secret/k'), 'ImplicitDeny'),
  kase('notres-question', '§3.2: NotResource entry with ? (secret? excludes secret1)', id({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret?/*' }), get('arn:aws:s3:::secret1/k'), 'ImplicitDeny'),
  kase('notres-case', '§3.2: NotResource is case-sensitive (Secret/* does not exclude secret/k)', id({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::Secret/*' }), get('arn:aws:s3:::secret/k'), 'Allow'),
  kase('notres-deny-outside', '§3.2: Deny+NotResource denies resources outside the list', id(allow('s3:*'), { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::data-bucket', 'arn:aws:s3:::data-bucket/*'] }), get('arn:aws:s3:::other-bucket/k'), 'ExplicitDeny'),
  kase('notres-deny-bucket-vs-objects', '§3.2: NotResource listing only the bucket does not spare its objects', id(allow('s3:*'), { Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::data-bucket' }), get('arn:aws:s3:::data-bucket/k'), 'ExplicitDeny'),
  kase('notres-star-nothing', '§3.2: NotResource "*" excludes every resource, so the Allow never applies', id({ Effect: 'Allow', Action: 's3:GetObject', NotResource: '*' }), get('arn:aws:s3:::data-bucket/k'), 'ImplicitDeny'),
  kase('notres-star-deny-nothing', '§3.2: Deny NotResource "*" never applies', id(allow('s3:*'), { Effect: 'Deny', Action: 's3:*', NotResource: '*' }), get('arn:aws:s3:::data-bucket/k'), 'Allow'),
  kase('res-deny-specific', '§3.2, §1: Deny on one prefix leaves others allowed', id(allow('s3:GetObject'), deny('s3:GetObject', 'arn:aws:s3:::data-bucket/private/*')), get('arn:aws:s3:::data-bucket/public/k'), 'Allow')
]

export const groups = { matching, 'short-patterns': shortPatterns, 'not-resource': notResource }

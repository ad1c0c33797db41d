// What a Terraform resource's attributes are, for the resource types policies refer to (the
// provider's "Attribute Reference" of each resource): `{name}` is the resource's name argument
// when it is literal, else the resource name of the address; `{path}` the IAM path (default `/`).
// Patterns are filled by cloudformation/arn-table.ts `fillPattern`.

export interface TerraformShape {
  /** the argument holding the physical name */
  readonly nameArg?: string
  /** IAM resources: the argument holding the path */
  readonly pathArg?: string
  /** generated names are lower case (S3 buckets) */
  readonly lowerCase?: boolean
  readonly attributes: Readonly<Record<string, string>>
}

const ARN = 'arn:{partition}'
const REGIONAL = (service: string): string => `${ARN}:${service}:{region}:{account}`

function named(nameArg: string, arn: string, extra: Record<string, string> = {}): TerraformShape {
  return { nameArg, attributes: { arn, name: '{name}', id: '{name}', ...extra } }
}

function iam(kind: string, prefix: string): TerraformShape {
  const arn = `${ARN}:iam::{account}:${kind}{path}{name}`
  return {
    nameArg: 'name',
    pathArg: 'path',
    attributes: { arn, name: '{name}', id: '{name}', unique_id: `${prefix}{NAME}` }
  }
}

const fn = `${REGIONAL('lambda')}:function:{name}`
const table = `${REGIONAL('dynamodb')}:table/{name}`
const secret = `${REGIONAL('secretsmanager')}:secret:{name}-AbCdEf`
const machine = `${REGIONAL('states')}:stateMachine:{name}`
const topic = `${REGIONAL('sns')}:{name}`
const policy = `${ARN}:iam::{account}:policy{path}{name}`

export const TERRAFORM_SHAPES: Readonly<Record<string, TerraformShape>> = {
  aws_s3_bucket: {
    nameArg: 'bucket',
    lowerCase: true,
    attributes: {
      arn: `${ARN}:s3:::{name}`,
      id: '{name}',
      bucket: '{name}',
      bucket_domain_name: '{name}.s3.{urlSuffix}',
      bucket_regional_domain_name: '{name}.s3.{region}.{urlSuffix}'
    }
  },
  aws_sqs_queue: named('name', `${REGIONAL('sqs')}:{name}`, {
    id: 'https://sqs.{region}.{urlSuffix}/{account}/{name}',
    url: 'https://sqs.{region}.{urlSuffix}/{account}/{name}'
  }),
  aws_sns_topic: named('name', topic, { id: topic }),
  aws_iam_role: iam('role', 'AROA'),
  aws_iam_user: iam('user', 'AIDA'),
  aws_iam_group: iam('group', 'AGPA'),
  aws_iam_instance_profile: iam('instance-profile', 'AIPA'),
  aws_iam_policy: {
    nameArg: 'name',
    pathArg: 'path',
    attributes: { arn: policy, id: policy, name: '{name}', policy_id: 'ANPA{NAME}' }
  },
  aws_kms_key: {
    attributes: { arn: `${REGIONAL('kms')}:key/{name}`, key_id: '{name}', id: '{name}' }
  },
  aws_kms_alias: named('name', `${REGIONAL('kms')}:{name}`),
  aws_lambda_function: named('function_name', fn, {
    function_name: '{name}',
    qualified_arn: `${fn}:$LATEST`
  }),
  aws_dynamodb_table: named('name', table, {
    stream_arn: `${table}/stream/1970-01-01T00:00:00.000`
  }),
  aws_secretsmanager_secret: named('name', secret, { id: secret }),
  aws_ecr_repository: named('name', `${REGIONAL('ecr')}:repository/{name}`, {
    repository_url: '{account}.dkr.ecr.{region}.{urlSuffix}/{name}',
    registry_id: '{account}'
  }),
  aws_cloudwatch_event_bus: named('name', `${REGIONAL('events')}:event-bus/{name}`),
  aws_cloudwatch_event_rule: named('name', `${REGIONAL('events')}:rule/{name}`),
  aws_cloudwatch_log_group: named('name', `${REGIONAL('logs')}:log-group:{name}`),
  aws_kinesis_stream: named('name', `${REGIONAL('kinesis')}:stream/{name}`),
  aws_sfn_state_machine: named('name', machine, { id: machine }),
  aws_ssm_parameter: named('name', `${REGIONAL('ssm')}:parameter/{name}`)
}

export function terraformShape(type: string): TerraformShape | undefined {
  return Object.hasOwn(TERRAFORM_SHAPES, type) ? TERRAFORM_SHAPES[type] : undefined
}

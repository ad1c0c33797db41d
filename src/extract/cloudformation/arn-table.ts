// What `Ref` and `Fn::GetAtt` return for a resource of the same template, by resource type (the
// CloudFormation resource reference, "Return values"). `{name}` is the resource's explicit name
// property when it resolves to a string, else its logical ID; `{path}` the IAM `Path` (default
// `/`). Types not listed: `Ref` gives the logical ID, `Fn::GetAtt` a marked placeholder.
import type { DeploymentFacts } from '../types.js'

export interface ResourceShape {
  /** the property holding the physical name, `/` separating nested properties */
  readonly nameProperty?: string
  /** IAM resources: the property holding the path */
  readonly pathProperty?: string
  /** generated names are lower case (S3 buckets) */
  readonly lowerCase?: boolean
  readonly ref: string
  readonly attributes: Readonly<Record<string, string>>
}

const ARN = 'arn:{partition}'
const REGIONAL = (service: string): string => `${ARN}:${service}:{region}:{account}`

function iam(kind: string, nameProperty: string, ref: 'name' | 'arn'): ResourceShape {
  const arn = `${ARN}:iam::{account}:${kind}{path}{name}`
  return {
    nameProperty,
    pathProperty: 'Path',
    ref: ref === 'arn' ? arn : '{name}',
    attributes: { Arn: arn, [`${kind === 'policy' ? 'Policy' : 'Role'}Id`]: 'AID{NAME}' }
  }
}

function named(
  nameProperty: string,
  arn: string,
  extra: Record<string, string> = {}
): ResourceShape {
  return { nameProperty, ref: '{name}', attributes: { Arn: arn, ...extra } }
}

const lambdaFunction = named('FunctionName', `${REGIONAL('lambda')}:function:{name}`)
const stateMachineArn = `${REGIONAL('states')}:stateMachine:{name}`
const tableArn = `${REGIONAL('dynamodb')}:table/{name}`
const domain = named('DomainName', `${REGIONAL('es')}:domain/{name}`, {
  DomainArn: `${REGIONAL('es')}:domain/{name}`,
  DomainEndpoint: 'search-{name}.{region}.es.{urlSuffix}'
})

export const RESOURCE_SHAPES: Readonly<Record<string, ResourceShape>> = {
  'AWS::S3::Bucket': {
    nameProperty: 'BucketName',
    lowerCase: true,
    ref: '{name}',
    attributes: {
      Arn: `${ARN}:s3:::{name}`,
      DomainName: '{name}.s3.{urlSuffix}',
      RegionalDomainName: '{name}.s3.{region}.{urlSuffix}',
      WebsiteURL: 'http://{name}.s3-website-{region}.{urlSuffix}'
    }
  },
  'AWS::SQS::Queue': {
    nameProperty: 'QueueName',
    ref: 'https://sqs.{region}.{urlSuffix}/{account}/{name}',
    attributes: {
      Arn: `${REGIONAL('sqs')}:{name}`,
      QueueName: '{name}',
      QueueUrl: 'https://sqs.{region}.{urlSuffix}/{account}/{name}'
    }
  },
  'AWS::SNS::Topic': {
    nameProperty: 'TopicName',
    ref: `${REGIONAL('sns')}:{name}`,
    attributes: { TopicArn: `${REGIONAL('sns')}:{name}`, TopicName: '{name}' }
  },
  'AWS::Lambda::Function': lambdaFunction,
  'AWS::Serverless::Function': lambdaFunction,
  'AWS::IAM::Role': iam('role', 'RoleName', 'name'),
  'AWS::IAM::User': iam('user', 'UserName', 'name'),
  'AWS::IAM::Group': iam('group', 'GroupName', 'name'),
  'AWS::IAM::InstanceProfile': iam('instance-profile', 'InstanceProfileName', 'name'),
  'AWS::IAM::ManagedPolicy': {
    ...iam('policy', 'ManagedPolicyName', 'arn'),
    attributes: { PolicyArn: `${ARN}:iam::{account}:policy{path}{name}`, PolicyId: 'ANPA{NAME}' }
  },
  'AWS::IAM::Policy': { nameProperty: 'PolicyName', ref: '{name}', attributes: {} },
  'AWS::KMS::Key': {
    ref: '{name}',
    attributes: { Arn: `${REGIONAL('kms')}:key/{name}`, KeyId: '{name}' }
  },
  'AWS::KMS::Alias': { nameProperty: 'AliasName', ref: '{name}', attributes: {} },
  'AWS::DynamoDB::Table': named('TableName', tableArn, {
    StreamArn: `${tableArn}/stream/1970-01-01T00:00:00.000`
  }),
  'AWS::DynamoDB::GlobalTable': named('TableName', tableArn, {
    StreamArn: `${tableArn}/stream/1970-01-01T00:00:00.000`
  }),
  'AWS::Serverless::SimpleTable': named('TableName', tableArn),
  'AWS::SecretsManager::Secret': {
    nameProperty: 'Name',
    ref: `${REGIONAL('secretsmanager')}:secret:{name}-AbCdEf`,
    attributes: { Id: `${REGIONAL('secretsmanager')}:secret:{name}-AbCdEf` }
  },
  'AWS::StepFunctions::StateMachine': {
    nameProperty: 'StateMachineName',
    ref: stateMachineArn,
    attributes: { Arn: stateMachineArn, Name: '{name}' }
  },
  'AWS::Serverless::StateMachine': {
    nameProperty: 'Name',
    ref: stateMachineArn,
    attributes: { Arn: stateMachineArn, Name: '{name}' }
  },
  'AWS::Logs::LogGroup': named('LogGroupName', `${REGIONAL('logs')}:log-group:{name}:*`),
  'AWS::Kinesis::Stream': named('Name', `${REGIONAL('kinesis')}:stream/{name}`),
  'AWS::KinesisFirehose::DeliveryStream': named(
    'DeliveryStreamName',
    `${REGIONAL('firehose')}:deliverystream/{name}`
  ),
  'AWS::ECR::Repository': named('RepositoryName', `${REGIONAL('ecr')}:repository/{name}`, {
    RepositoryUri: '{account}.dkr.ecr.{region}.{urlSuffix}/{name}'
  }),
  'AWS::Events::EventBus': named('Name', `${REGIONAL('events')}:event-bus/{name}`, {
    Name: '{name}'
  }),
  'AWS::Events::Rule': named('Name', `${REGIONAL('events')}:rule/{name}`),
  'AWS::Glue::Database': { nameProperty: 'DatabaseInput/Name', ref: '{name}', attributes: {} },
  'AWS::Glue::Table': { nameProperty: 'TableInput/Name', ref: '{name}', attributes: {} },
  'AWS::Glue::Job': { nameProperty: 'Name', ref: '{name}', attributes: {} },
  'AWS::Glue::Crawler': { nameProperty: 'Name', ref: '{name}', attributes: {} },
  'AWS::SSM::Parameter': { nameProperty: 'Name', ref: '{name}', attributes: {} },
  'AWS::EFS::FileSystem': {
    ref: 'fs-{name}',
    attributes: {
      Arn: `${REGIONAL('elasticfilesystem')}:file-system/fs-{name}`,
      FileSystemId: 'fs-{name}'
    }
  },
  'AWS::OpenSearchService::Domain': domain,
  'AWS::Elasticsearch::Domain': domain,
  'AWS::ApiGateway::RestApi': { ref: '{name}', attributes: { RestApiId: '{name}' } },
  'AWS::Cognito::UserPool': {
    ref: '{region}_{name}',
    attributes: { Arn: `${REGIONAL('cognito-idp')}:userpool/{region}_{name}` }
  }
}

export interface ShapeInput {
  readonly name: string
  /** IAM path, `/` when absent */
  readonly path: string
  readonly facts: DeploymentFacts
}

/** Fills a pattern; `{NAME}` is the name in upper-case letters and digits (IAM unique IDs). */
export function fillPattern(pattern: string, input: ShapeInput): string {
  const values: Record<string, string> = {
    partition: input.facts.partition,
    region: input.facts.region,
    account: input.facts.accountId,
    urlSuffix: input.facts.urlSuffix,
    name: input.name,
    path: input.path,
    NAME: input.name
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .slice(0, 17)
  }
  return pattern.replace(/\{([A-Za-z]+)\}/g, (whole, key: string) => values[key] ?? whole)
}

export function shapeOf(type: string): ResourceShape | undefined {
  return Object.hasOwn(RESOURCE_SHAPES, type) ? RESOURCE_SHAPES[type] : undefined
}

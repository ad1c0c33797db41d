// Actions that let a principal raise its own permissions (docs/RISKS.md, "privilege-escalation").
// The list follows the public write-ups of AWS IAM privilege-escalation paths: Rhino Security
// Labs' "AWS IAM Privilege Escalation – Methods and Mitigation" and pathfinding.cloud (DataDog,
// the path ids below). One entry per action; `rule` says when a grant of it escalates.

/**
 * - `alone`: the action by itself lets the caller gain permissions (change its own policies, run
 *   code as an existing role);
 * - `broad-resource`: only on any role (`*` or a wildcard role name), e.g. passing or assuming
 *   whatever role exists;
 * - `other-user`: only on a user other than the caller (credentials of someone else);
 * - `with-passrole`: creates a compute resource that runs as a role the caller passes: escalates
 *   when the same principal also gains `iam:PassRole` on any role.
 */
export type EscalationRule = 'alone' | 'broad-resource' | 'other-user' | 'with-passrole'

export interface EscalationAction {
  /** `service:Action` as the catalogue spells it */
  readonly action: string
  readonly rule: EscalationRule
  /** pathfinding.cloud path ids (https://pathfinding.cloud/paths/<id>); `rhino` = Rhino's list */
  readonly sources: readonly string[]
}

export const ESCALATION_ACTIONS: readonly EscalationAction[] = [
  // changing the caller's (or any principal's) own permissions
  { action: 'iam:CreatePolicyVersion', rule: 'alone', sources: ['iam-001', 'rhino'] },
  { action: 'iam:SetDefaultPolicyVersion', rule: 'alone', sources: ['rhino'] },
  { action: 'iam:PutRolePolicy', rule: 'alone', sources: ['iam-005', 'rhino'] },
  { action: 'iam:PutUserPolicy', rule: 'alone', sources: ['iam-007', 'rhino'] },
  { action: 'iam:PutGroupPolicy', rule: 'alone', sources: ['iam-011', 'rhino'] },
  { action: 'iam:AttachUserPolicy', rule: 'alone', sources: ['iam-008', 'rhino'] },
  { action: 'iam:AttachRolePolicy', rule: 'alone', sources: ['iam-009', 'rhino'] },
  { action: 'iam:AttachGroupPolicy', rule: 'alone', sources: ['iam-010', 'rhino'] },
  { action: 'iam:AddUserToGroup', rule: 'alone', sources: ['iam-013', 'rhino'] },
  { action: 'iam:UpdateAssumeRolePolicy', rule: 'alone', sources: ['iam-012', 'rhino'] },
  // credentials of another principal
  { action: 'iam:CreateAccessKey', rule: 'other-user', sources: ['iam-002', 'rhino'] },
  { action: 'iam:CreateLoginProfile', rule: 'other-user', sources: ['iam-004', 'rhino'] },
  { action: 'iam:UpdateLoginProfile', rule: 'other-user', sources: ['iam-006', 'rhino'] },
  // becoming or handing out any role
  { action: 'sts:AssumeRole', rule: 'broad-resource', sources: ['sts-001'] },
  { action: 'iam:PassRole', rule: 'broad-resource', sources: ['ec2-001', 'rhino'] },
  // running code as a role that an existing resource already has
  { action: 'lambda:UpdateFunctionCode', rule: 'alone', sources: ['lambda-003', 'rhino'] },
  { action: 'glue:UpdateDevEndpoint', rule: 'alone', sources: ['glue-002', 'rhino'] },
  { action: 'ssm:SendCommand', rule: 'alone', sources: ['ssm-002'] },
  { action: 'ssm:StartSession', rule: 'alone', sources: ['ssm-001'] },
  {
    action: 'ec2-instance-connect:SendSSHPublicKey',
    rule: 'alone',
    sources: ['ec2instanceconnect-003']
  },
  { action: 'ec2:ModifyInstanceAttribute', rule: 'alone', sources: ['ec2-002'] },
  { action: 'ec2:CreateLaunchTemplateVersion', rule: 'alone', sources: ['ec2-004'] },
  { action: 'apprunner:UpdateService', rule: 'alone', sources: ['apprunner-002'] },
  { action: 'cloudformation:UpdateStack', rule: 'alone', sources: ['cloudformation-002'] },
  { action: 'cloudformation:ExecuteChangeSet', rule: 'alone', sources: ['cloudformation-005'] },
  { action: 'codebuild:StartBuild', rule: 'alone', sources: ['codebuild-002'] },
  { action: 'codebuild:StartBuildBatch', rule: 'alone', sources: ['codebuild-003'] },
  {
    action: 'bedrock-agentcore:InvokeCodeInterpreter',
    rule: 'alone',
    sources: ['bedrock-002']
  },
  {
    action: 'sagemaker:CreatePresignedNotebookInstanceUrl',
    rule: 'alone',
    sources: ['sagemaker-004']
  },
  { action: 'sagemaker:UpdateNotebookInstance', rule: 'alone', sources: ['sagemaker-005'] },
  // creating a resource that runs as a passed role
  { action: 'ec2:RunInstances', rule: 'with-passrole', sources: ['ec2-001', 'rhino'] },
  { action: 'ec2:RequestSpotInstances', rule: 'with-passrole', sources: ['ec2-003'] },
  {
    action: 'lambda:CreateFunction',
    rule: 'with-passrole',
    sources: ['lambda-001', 'lambda-002', 'lambda-006', 'rhino']
  },
  { action: 'glue:CreateDevEndpoint', rule: 'with-passrole', sources: ['glue-001', 'rhino'] },
  { action: 'glue:CreateJob', rule: 'with-passrole', sources: ['glue-003', 'glue-004'] },
  { action: 'glue:UpdateJob', rule: 'with-passrole', sources: ['glue-005', 'glue-006'] },
  {
    action: 'cloudformation:CreateStack',
    rule: 'with-passrole',
    sources: ['cloudformation-001', 'rhino']
  },
  {
    action: 'cloudformation:CreateStackSet',
    rule: 'with-passrole',
    sources: ['cloudformation-003']
  },
  {
    action: 'cloudformation:UpdateStackSet',
    rule: 'with-passrole',
    sources: ['cloudformation-004']
  },
  {
    action: 'datapipeline:CreatePipeline',
    rule: 'with-passrole',
    sources: ['datapipeline-001', 'rhino']
  },
  {
    action: 'codebuild:CreateProject',
    rule: 'with-passrole',
    sources: ['codebuild-001', 'codebuild-004']
  },
  {
    action: 'ecs:RegisterTaskDefinition',
    rule: 'with-passrole',
    sources: ['ecs-001', 'ecs-002', 'ecs-003', 'ecs-004', 'ecs-005']
  },
  { action: 'apprunner:CreateService', rule: 'with-passrole', sources: ['apprunner-001'] },
  {
    action: 'bedrock-agentcore:CreateCodeInterpreter',
    rule: 'with-passrole',
    sources: ['bedrock-001']
  },
  { action: 'sagemaker:CreateNotebookInstance', rule: 'with-passrole', sources: ['sagemaker-001'] },
  { action: 'sagemaker:CreateTrainingJob', rule: 'with-passrole', sources: ['sagemaker-002'] },
  { action: 'sagemaker:CreateProcessingJob', rule: 'with-passrole', sources: ['sagemaker-003'] }
]

const BY_NAME = new Map(ESCALATION_ACTIONS.map((entry) => [entry.action.toLowerCase(), entry]))

/** The escalation entry of an action (case-insensitive), if it has one. */
export function escalationOf(action: string): EscalationAction | undefined {
  return BY_NAME.get(action.toLowerCase())
}

// Shared material of the end-to-end tests: the policies of the test repository and webhook
// payloads (from @octokit/webhooks-examples, see ../fixtures/events/README.md) pointed at its
// commits.
import { readFileSync } from 'node:fs'
import { policy } from './git-repo.js'
import { temporaryDir } from './run-action.js'

export const BUCKET = 'arn:aws:s3:::prod-data/*'

export const POLICIES = {
  /** the base: read only */
  read: policy([{ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: BUCKET }]),
  /** broadens: s3:PutObject becomes allowed */
  write: policy([
    {
      Sid: 'ReadWrite',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: BUCKET
    }
  ]),
  /** broadens further: s3:DeleteObject too */
  writeDelete: policy([
    {
      Sid: 'ReadWrite',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: BUCKET
    }
  ]),
  /** the base with its keys reordered and the action in a list: no decision changes */
  readReordered: `${JSON.stringify({ Statement: [{ Resource: BUCKET, Action: ['s3:GetObject'], Effect: 'Allow', Sid: 'Read' }], Version: '2012-10-17' }, null, 2)}\n`,
  /** narrows: reads only a part of the bucket */
  narrower: policy([
    {
      Sid: 'Read',
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::prod-data/public/*'
    }
  ])
}

type Json = Record<string, unknown>

export function loadEvent(name: string): Json {
  return JSON.parse(
    readFileSync(new URL(`../fixtures/events/${name}`, import.meta.url), 'utf8')
  ) as Json
}

/** Sets a nested field of a payload, e.g. set(event, ['pull_request', 'head', 'sha'], sha). */
function set(event: Json, path: readonly string[], value: unknown): void {
  let at = event
  for (const key of path.slice(0, -1)) at = at[key] as Json
  at[path.at(-1)!] = value
}

/** A pull_request payload for PR `number` comparing `base` with `head`. */
export function pullRequestEvent(
  number: number,
  base: string,
  head: string,
  options: { fork?: boolean; changedFiles?: number } = {}
): Json {
  const event = loadEvent(
    options.fork ? 'pull_request.opened.fork.json' : 'pull_request.synchronize.json'
  )
  set(event, ['number'], number)
  set(event, ['pull_request', 'number'], number)
  set(event, ['pull_request', 'base', 'sha'], base)
  set(event, ['pull_request', 'head', 'sha'], head)
  set(event, ['pull_request', 'changed_files'], options.changedFiles ?? 1)
  return event
}

export function workflowRunEvent(headSha: string): Json {
  const event = loadEvent('workflow_run.completed.json')
  set(event, ['workflow_run', 'head_sha'], headSha)
  return event
}

/** A workspace without a checkout: the action must use the API. */
export function emptyWorkspace(): string {
  return temporaryDir('iam-policy-diff-empty-')
}

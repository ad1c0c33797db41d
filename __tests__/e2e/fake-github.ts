// A loopback stand-in for api.github.com for the end-to-end tests. Every request is checked
// against GitHub's OpenAPI description (openapi-check.ts); answers are built from GitHub's own
// example responses, with data from a real git repository (files, contents, comparisons) and an
// in-memory pull request (comments, labels, events). Paginated lists carry Link headers.
// It listens on 127.0.0.1 only, refuses more than `maxRequests`, and closes itself after
// `lifetimeMs` even if a test forgets to.
import { execFileSync } from 'node:child_process'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { checkRequest, exampleResponse } from './openapi-check.js'

export interface FakePull {
  readonly number: number
  base: string
  head: string
  readonly headRef: string
  readonly headRepo: string
  labels: string[]
  /** what GitHub reports as `changed_files` (default: the real count) */
  readonly changedFiles?: number
  /** the login that opened it (default: `octocat`) */
  readonly author?: string
}

/** Timeline events of an issue, oldest first; `at` and `date` are ISO 8601 times. */
export type FakeTimelineEvent =
  | { event: 'labeled' | 'unlabeled'; label: string; actor: string; at: string }
  | { event: 'committed'; sha: string; date: string }
  | { event: 'head_ref_force_pushed'; sha: string; actor: string; at: string }

export interface FakeComment {
  readonly id: number
  body: string
  readonly login: string
  readonly type: 'Bot' | 'User'
}

export interface FakeGitHubOptions {
  readonly repoDir: string
  readonly owner: string
  readonly repo: string
  readonly pulls?: readonly FakePull[]
  /** issue number → comments, oldest first */
  readonly comments?: Readonly<Record<number, readonly Omit<FakeComment, 'id'>[]>>
  /** issue number → timeline (label, commit and force-push events), oldest first */
  readonly timeline?: Readonly<Record<number, readonly FakeTimelineEvent[]>>
  /** login → repository role (`admin`, `maintain`, `write`, `triage`, `read`); others: `read` */
  readonly permissions?: Readonly<Record<string, string>>
  /** the collaborator-permission look-up answers 403 (a token that may not read it) */
  readonly permissionDenied?: boolean
  /** `org/team` → active members */
  readonly teams?: Readonly<Record<string, readonly string[]>>
  /** the login GraphQL `viewer` names (default `github-actions[bot]`); null: a GraphQL error */
  readonly viewer?: string | null
  /** the token cannot write (a fork pull request): writes answer 403 */
  readonly readOnly?: boolean
  /** answer the first call of this operation with a rate-limit error */
  readonly rateLimitOnce?: { readonly operationId: string; readonly kind: 'secondary' | 'primary' }
  readonly maxRequests?: number
  readonly lifetimeMs?: number
}

export interface LoggedRequest {
  readonly method: string
  readonly path: string
  readonly operationId: string | undefined
  readonly status: number
}

type Json = Record<string, unknown>
/** an object field of example JSON, or an empty object */
const obj = (value: unknown): Json =>
  typeof value === 'object' && value !== null ? (value as Json) : {}

type Answer = { status: number; body?: unknown; headers?: Record<string, string>; raw?: Buffer }

const BOT = { login: 'github-actions[bot]', type: 'Bot' as const }

export class FakeGitHub {
  readonly requests: LoggedRequest[] = []
  readonly violations: string[] = []
  readonly comments = new Map<number, FakeComment[]>()
  private nextId = 2_000_000_000
  private limited = false
  private server: Server | undefined
  url = ''

  private constructor(private options: FakeGitHubOptions) {
    this.reset(options)
  }

  /** a new scenario on the same server: options replaced, state and logs cleared */
  reset(options: FakeGitHubOptions): void {
    this.options = options
    this.requests.length = 0
    this.violations.length = 0
    this.comments.clear()
    this.limited = false
    for (const [issue, list] of Object.entries(options.comments ?? {})) {
      this.comments.set(
        Number(issue),
        list.map((c) => ({ ...c, id: this.nextId++ }))
      )
    }
  }

  static async start(options: FakeGitHubOptions): Promise<FakeGitHub> {
    const fake = new FakeGitHub(options)
    const server = createServer((req, res) => void fake.handle(req, res))
    fake.server = server
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    setTimeout(() => void fake.close(), options.lifetimeMs ?? 120_000).unref()
    return fake
  }

  close(): Promise<void> {
    const server = this.server
    this.server = undefined
    if (!server) return Promise.resolve()
    server.closeAllConnections()
    return new Promise((resolve) => server.close(() => resolve()))
  }

  /** requests of one operation */
  calls(operationId: string): LoggedRequest[] {
    return this.requests.filter((r) => r.operationId === operationId)
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url)
    const method = req.method ?? 'GET'
    let answer: Answer
    let operationId: string | undefined
    try {
      const body = await readBody(req)
      if (this.requests.length >= (this.options.maxRequests ?? 3000))
        throw new Error('too many requests for one test')
      if (!/^(token|bearer) \S+$/i.test(req.headers.authorization ?? '')) {
        answer = { status: 401, body: { message: 'Requires authentication', status: '401' } }
      } else if (method === 'POST' && url.pathname === '/graphql') {
        operationId = 'graphql' // not in the REST description
        answer = this.graphql(body)
      } else {
        const check = checkRequest(method, url.pathname, url.searchParams, body)
        if (!check.ok) {
          this.violations.push(...check.problems)
          answer = { status: 400, body: { message: check.problems.join('; ') } }
        } else {
          operationId = check.match.operationId
          answer =
            this.limit(operationId) ?? this.route(operationId, check.match.params, url, body, req)
        }
      }
    } catch (error) {
      this.violations.push(
        `${method} ${url.pathname}: ${error instanceof Error ? error.message : String(error)}`
      )
      answer = { status: 500, body: { message: 'fake server error' } }
    }
    this.requests.push({
      method,
      path: url.pathname + url.search,
      operationId,
      status: answer.status
    })
    send(res, answer)
  }

  /** GraphQL: only `viewer { login }`, how an installation token learns its bot's login */
  private graphql(body: unknown): Answer {
    const query = (body as { query?: unknown } | undefined)?.query
    if (typeof query !== 'string' || !/^query\s*\{\s*viewer\s*\{\s*login\s*\}\s*\}$/.test(query))
      throw new Error(`the fake answers only the GraphQL viewer query: got ${String(query)}`)
    const login = this.options.viewer === undefined ? BOT.login : this.options.viewer
    if (login === null) {
      return { status: 200, body: { data: null, errors: [{ message: 'Something went wrong' }] } }
    }
    return { status: 200, body: { data: { viewer: { login } } } }
  }

  private limit(operationId: string): Answer | undefined {
    const rule = this.options.rateLimitOnce
    if (!rule || this.limited || rule.operationId !== operationId) return undefined
    this.limited = true
    if (rule.kind === 'secondary') {
      const message =
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
      return {
        status: 403,
        body: { message, documentation_url: DOCS },
        headers: { 'retry-after': '1' }
      }
    }
    const reset = String(Math.ceil(Date.now() / 1000) + 1)
    const headers = { 'retry-after': '1', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }
    return {
      status: 429,
      body: { message: 'API rate limit exceeded for installation.', documentation_url: DOCS },
      headers
    }
  }

  private route(
    op: string,
    params: Record<string, string>,
    url: URL,
    body: unknown,
    req: IncomingMessage
  ): Answer {
    if (
      params['owner'] !== undefined &&
      `${params['owner']}/${params['repo']}` !== `${this.options.owner}/${this.options.repo}`
    ) {
      return notFound()
    }
    const issue = Number(params['pull_number'] ?? params['issue_number'])
    switch (op) {
      case 'users/get-authenticated':
        return forbidden() // installation tokens (GITHUB_TOKEN) have no user
      case 'pulls/get':
        return this.pull(issue)
      case 'pulls/list':
        return this.listPulls(url)
      case 'pulls/list-files':
        return this.pullFiles(issue, url)
      case 'repos/compare-commits': // the description also keeps the older `{base}...{head}` form
      case 'repos/compare-commits-with-basehead':
        return this.compare(params['basehead'] ?? `${params['base']}...${params['head']}`)
      case 'repos/get-commit':
        return this.commit(params['ref'] ?? '')
      case 'repos/get-content':
        return this.content(
          params['path'] ?? '',
          url.searchParams.get('ref') ?? 'HEAD',
          req.headers.accept ?? ''
        )
      case 'git/get-tree':
        return this.tree(params['tree_sha'] ?? '')
      case 'issues/list-comments':
        return page(
          url,
          this.commentsOf(issue).map((c) => this.commentJson(issue, c))
        )
      case 'issues/create-comment':
        return this.createComment(issue, (body as { body: string }).body)
      case 'issues/update-comment':
        return this.updateComment(Number(params['comment_id']), (body as { body: string }).body)
      case 'issues/delete-comment':
        return this.deleteComment(Number(params['comment_id']))
      case 'issues/list-events-for-timeline':
        return page(url, (this.options.timeline?.[issue] ?? []).map(timelineEventJson))
      case 'repos/get-collaborator-permission-level':
        return this.options.permissionDenied
          ? forbidden()
          : permissionJson(params['username'] ?? '', this.options.permissions)
      case 'teams/get-membership-for-user-in-org':
        return this.teamMembership(
          `${params['org']}/${params['team_slug']}`,
          params['username'] ?? ''
        )
      default:
        throw new Error(`the fake does not implement ${op}`)
    }
  }

  private git(args: readonly string[]): string {
    return execFileSync('git', args, {
      cwd: this.options.repoDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1 << 28
    })
  }

  private gitOrUndefined(args: readonly string[]): string | undefined {
    try {
      return this.git(args)
    } catch {
      return undefined
    }
  }

  private diffFiles(base: string, head: string): Record<string, unknown>[] {
    const mergeBase = this.git(['merge-base', base, head]).trim()
    const tokens = this.git(['diff', '--name-status', '-z', '-M', mergeBase, head])
      .split('\0')
      .filter(Boolean)
    const files: Record<string, unknown>[] = []
    const names: Record<string, string> = {
      A: 'added',
      D: 'removed',
      M: 'modified',
      R: 'renamed',
      T: 'changed'
    }
    for (let i = 0; i < tokens.length;) {
      const letter = tokens[i++]!.charAt(0)
      const previous = letter === 'R' ? tokens[i++] : undefined
      const filename = tokens[i++]!
      files.push(diffEntry(this.rawBase(), filename, names[letter] ?? 'modified', previous))
    }
    return files
  }

  private rawBase(): string {
    return `https://github.com/${this.options.owner}/${this.options.repo}`
  }

  private findPull(number: number): FakePull | undefined {
    return this.options.pulls?.find((p) => p.number === number)
  }

  private pullJson(
    pull: FakePull,
    template = exampleResponse('pulls/get', '200')
  ): Record<string, unknown> {
    const data = obj(template)
    const head = obj(data['head'])
    const label = obj((data['labels'] as unknown[] | undefined)?.[0])
    data['number'] = pull.number
    data['state'] = 'open'
    data['html_url'] = `${this.rawBase()}/pull/${pull.number}`
    data['base'] = { ...obj(data['base']), sha: pull.base, ref: 'main' }
    data['head'] = {
      ...head,
      sha: pull.head,
      ref: pull.headRef,
      label: `${pull.headRepo.split('/')[0]}:${pull.headRef}`,
      repo: { ...obj(head['repo']), full_name: pull.headRepo, name: pull.headRepo.split('/')[1] }
    }
    data['labels'] = pull.labels.map((name, i) => ({ ...label, id: 1000 + i, name }))
    data['user'] = { ...obj(data['user']), login: pull.author ?? 'octocat', type: 'User' }
    if ('changed_files' in data)
      data['changed_files'] = pull.changedFiles ?? this.diffFiles(pull.base, pull.head).length
    return data
  }

  private pull(number: number): Answer {
    const pull = this.findPull(number)
    return pull ? { status: 200, body: this.pullJson(pull) } : notFound()
  }

  private listPulls(url: URL): Answer {
    const head = url.searchParams.get('head')
    const template = (exampleResponse('pulls/list', '200') as unknown[])[0]
    const pulls = (this.options.pulls ?? []).filter(
      (p) => !head || `${p.headRepo.split('/')[0]}:${p.headRef}` === head
    )
    return page(
      url,
      pulls.map((p) => this.pullJson(p, structuredClone(template)))
    )
  }

  private pullFiles(number: number, url: URL): Answer {
    const pull = this.findPull(number)
    if (!pull) return notFound()
    return page(url, this.diffFiles(pull.base, pull.head).slice(0, 3000))
  }

  private compare(basehead: string): Answer {
    const [base, head] = basehead.split('...')
    const baseSha =
      base && this.gitOrUndefined(['rev-parse', '--verify', `${base}^{commit}`])?.trim()
    const headSha =
      head && this.gitOrUndefined(['rev-parse', '--verify', `${head}^{commit}`])?.trim()
    if (!baseSha || !headSha) return notFound()
    const data = obj(exampleResponse('repos/compare-commits-with-basehead', '200'))
    data['base_commit'] = { ...obj(data['base_commit']), sha: baseSha }
    data['merge_base_commit'] = {
      ...obj(data['merge_base_commit']),
      sha: this.git(['merge-base', baseSha, headSha]).trim()
    }
    data['files'] = this.diffFiles(baseSha, headSha).slice(0, 300)
    return { status: 200, body: data }
  }

  private commit(ref: string): Answer {
    const sha = this.gitOrUndefined(['rev-parse', '--verify', `${ref}^{commit}`])?.trim()
    if (!sha) return { status: 422, body: { message: `No commit found for SHA: ${ref}` } }
    const data = exampleResponse('repos/get-commit', '200') as Record<string, unknown>
    return { status: 200, body: { ...data, sha, files: [] } }
  }

  private content(path: string, ref: string, accept: string): Answer {
    const type = this.gitOrUndefined(['cat-file', '-t', `${ref}:${path}`])?.trim()
    if (type !== 'blob') return notFound()
    const bytes = execFileSync('git', ['cat-file', 'blob', `${ref}:${path}`], {
      cwd: this.options.repoDir,
      maxBuffer: 1 << 28
    })
    if (/\.raw\b/.test(accept))
      return { status: 200, raw: bytes, headers: { 'content-type': 'text/plain; charset=utf-8' } }
    const data = exampleResponse(
      'repos/get-content',
      '200',
      'response-if-content-is-a-file'
    ) as Record<string, unknown>
    const large = bytes.length > 1024 * 1024 // over 1 MB GitHub leaves the content out of the JSON form
    return {
      status: 200,
      body: {
        ...data,
        type: 'file',
        name: path.split('/').at(-1),
        path,
        size: bytes.length,
        encoding: large ? 'none' : 'base64',
        content: large ? '' : bytes.toString('base64').replace(/.{60}/g, '$&\n')
      }
    }
  }

  private tree(ref: string): Answer {
    const sha = this.gitOrUndefined(['rev-parse', '--verify', `${ref}^{tree}`])?.trim()
    if (!sha) return notFound()
    const data = exampleResponse('git/get-tree', '200') as Record<string, unknown>
    const paths = this.git(['ls-tree', '-r', '-z', '--name-only', sha]).split('\0').filter(Boolean)
    const tree = paths.map((path) => ({
      path,
      mode: '100644',
      type: 'blob',
      sha: 'f'.repeat(40),
      size: 1,
      url: `${this.url}/blob`
    }))
    return { status: 200, body: { ...data, sha, tree, truncated: false } }
  }

  private teamMembership(team: string, username: string): Answer {
    if (!(this.options.teams?.[team] ?? []).includes(username)) return notFound()
    const data = obj(
      exampleResponse(
        'teams/get-membership-for-user-in-org',
        '200',
        'response-if-user-is-a-team-maintainer'
      )
    )
    return { status: 200, body: { ...data, state: 'active', role: 'member' } }
  }

  private commentsOf(issue: number): FakeComment[] {
    let list = this.comments.get(issue)
    if (!list) this.comments.set(issue, (list = []))
    return list
  }

  private commentJson(issue: number, comment: FakeComment): Record<string, unknown> {
    const data = obj(exampleResponse('issues/create-comment', '201'))
    return {
      ...data,
      id: comment.id,
      node_id: `IC_${comment.id}`,
      body: comment.body,
      html_url: `${this.rawBase()}/pull/${issue}#issuecomment-${comment.id}`,
      issue_url: `${this.url}/repos/${this.options.owner}/${this.options.repo}/issues/${issue}`,
      user: { ...obj(data['user']), login: comment.login, type: comment.type }
    }
  }

  private createComment(issue: number, body: string): Answer {
    if (this.options.readOnly) return forbidden()
    if (!this.findPull(issue)) return notFound()
    const comment = { id: this.nextId++, body, ...BOT }
    this.commentsOf(issue).push(comment)
    return { status: 201, body: this.commentJson(issue, comment) }
  }

  private locate(id: number): { issue: number; list: FakeComment[]; index: number } | undefined {
    for (const [issue, list] of this.comments) {
      const index = list.findIndex((c) => c.id === id)
      if (index >= 0) return { issue, list, index }
    }
    return undefined
  }

  private updateComment(id: number, body: string): Answer {
    if (this.options.readOnly) return forbidden()
    const found = this.locate(id)
    if (!found) return notFound()
    found.list[found.index]!.body = body
    return { status: 200, body: this.commentJson(found.issue, found.list[found.index]!) }
  }

  private deleteComment(id: number): Answer {
    if (this.options.readOnly) return forbidden()
    const found = this.locate(id)
    if (!found) return notFound()
    found.list.splice(found.index, 1)
    return { status: 204 }
  }
}

const DOCS = 'https://docs.github.com/rest'

function notFound(): Answer {
  return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } }
}

function forbidden(): Answer {
  return {
    status: 403,
    body: {
      message: 'Resource not accessible by integration',
      documentation_url: DOCS,
      status: '403'
    }
  }
}

function diffEntry(
  web: string,
  filename: string,
  status: string,
  previous: string | undefined
): Record<string, unknown> {
  const item = (exampleResponse('pulls/list-files', '200') as Record<string, unknown>[])[0]!
  return {
    ...item,
    filename,
    status,
    blob_url: `${web}/blob/HEAD/${filename}`,
    raw_url: `${web}/raw/HEAD/${filename}`,
    ...(previous === undefined ? {} : { previous_filename: previous })
  }
}

function timelineEventJson(event: FakeTimelineEvent): Record<string, unknown> {
  const example = exampleResponse('issues/list-events-for-timeline', '200') as unknown[]
  const labeled = obj(example.find((e) => obj(e)['event'] === 'labeled'))
  const actor = (login: string): Json => ({ ...obj(labeled['actor']), login, type: 'User' })
  switch (event.event) {
    case 'labeled':
    case 'unlabeled':
      return {
        ...labeled,
        event: event.event,
        created_at: event.at,
        label: { name: event.label, color: 'ededed' },
        actor: actor(event.actor)
      }
    case 'head_ref_force_pushed':
      return {
        ...labeled,
        label: undefined,
        event: event.event,
        created_at: event.at,
        commit_id: event.sha,
        actor: actor(event.actor)
      }
    case 'committed': {
      const person = { name: 'Octo Cat', email: 'octocat@example.com', date: event.date }
      return {
        event: 'committed',
        sha: event.sha,
        node_id: `C_${event.sha}`,
        url: `https://api.github.com/repos/o/r/git/commits/${event.sha}`,
        html_url: `https://github.com/o/r/commit/${event.sha}`,
        author: person,
        committer: person,
        tree: { sha: 'f'.repeat(40), url: 'https://api.github.com/repos/o/r/git/trees/x' },
        message: 'a commit',
        parents: [],
        verification: { verified: false, reason: 'unsigned', signature: null, payload: null }
      }
    }
  }
}

/** GitHub's legacy `permission` for each role (maintain reads as write, triage as read). */
const LEGACY: Readonly<Record<string, string>> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read'
}

function permissionJson(
  username: string,
  roles: Readonly<Record<string, string>> | undefined
): Answer {
  const role = roles?.[username] ?? 'read'
  const data = obj(
    exampleResponse(
      'repos/get-collaborator-permission-level',
      '200',
      'response-if-user-has-admin-permissions'
    )
  )
  const user = { ...obj(data['user']), login: username }
  return {
    status: 200,
    body: { ...data, permission: LEGACY[role] ?? 'none', role_name: role, user }
  }
}

/** One page of a list, with GitHub's Link header (per_page default 30, at most 100). */
function page(url: URL, items: readonly unknown[]): Answer {
  const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30) || 30, 100)
  const number = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1)
  const last = Math.max(Math.ceil(items.length / perPage), 1)
  const link = (n: number, rel: string): string => {
    const target = new URL(url)
    target.searchParams.set('page', String(n))
    return `<${target.href}>; rel="${rel}"`
  }
  const links = [
    ...(number < last ? [link(number + 1, 'next'), link(last, 'last')] : []),
    ...(number > 1 ? [link(1, 'first'), link(number - 1, 'prev')] : [])
  ]
  const body = items.slice((number - 1) * perPage, number * perPage)
  return { status: 200, body, headers: links.length > 0 ? { link: links.join(', ') } : {} }
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > 2 * 1024 * 1024) throw new Error('request body over 2 MB')
    chunks.push(chunk as Buffer)
  }
  if (size === 0) return undefined
  return JSON.parse(Buffer.concat(chunks).toString('utf8'))
}

function send(res: ServerResponse, answer: Answer): void {
  const headers: Record<string, string> = {
    'x-github-api-version-selected': '2022-11-28',
    'x-ratelimit-limit': '1000',
    'x-ratelimit-remaining': '999',
    'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
    'x-github-request-id': 'FAKE:0001',
    ...answer.headers
  }
  if (answer.raw) {
    res.writeHead(answer.status, headers).end(answer.raw)
  } else if (answer.body === undefined) {
    res.writeHead(answer.status, headers).end()
  } else {
    res
      .writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...headers })
      .end(JSON.stringify(answer.body))
  }
}

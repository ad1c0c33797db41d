// The link bases of the comment and the job summary (src/render/links.ts): the repository at the
// head and the base commit, from the run's server URL and repository. Only full commit SHAs are
// linked (a branch name would move), and only when the reviewed paths are the repository's.
import type { LinkBase } from '../render/links.js'
import { isLinkBase } from '../render/links.js'
import type { RepoRef } from './port.js'

const SHA = /^([0-9a-f]{40}|[0-9a-f]{64})$/

export function linkBase(
  serverUrl: string,
  repo: RepoRef,
  commits: { readonly base: string | undefined; readonly head: string }
): LinkBase | undefined {
  const server = serverUrl.replace(/\/+$/, '')
  const at = (sha: string | undefined): string | undefined => {
    if (sha === undefined || !SHA.test(sha)) return undefined
    const url = `${server}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}/blob/${sha}/`
    return isLinkBase(url) ? url : undefined
  }
  const head = at(commits.head)
  if (head === undefined) return undefined
  const base = at(commits.base)
  return base === undefined ? { head } : { head, base }
}

// The link bases built from the run: server, repository, full commit SHAs only.
import { describe, expect, it } from '@jest/globals'
import { linkBase } from '../../src/github/links.js'

const repo = { owner: 'octo-org', repo: 'infra.policies' }
const HEAD = '0123456789abcdef0123456789abcdef01234567'
const BASE = 'fedcba9876543210fedcba9876543210fedcba98'

describe('linkBase', () => {
  it('links the head and the base commit', () => {
    expect(linkBase('https://github.com', repo, { base: BASE, head: HEAD })).toEqual({
      head: `https://github.com/octo-org/infra.policies/blob/${HEAD}/`,
      base: `https://github.com/octo-org/infra.policies/blob/${BASE}/`
    })
  })

  it('follows GitHub Enterprise servers and drops a trailing slash', () => {
    expect(linkBase('https://ghe.example.com/', repo, { base: undefined, head: HEAD })).toEqual({
      head: `https://ghe.example.com/octo-org/infra.policies/blob/${HEAD}/`
    })
  })

  it('no links for a branch name, a short SHA or a server that is not a URL', () => {
    expect(linkBase('https://github.com', repo, { base: BASE, head: 'main' })).toBeUndefined()
    expect(
      linkBase('https://github.com', repo, { base: BASE, head: HEAD.slice(0, 7) })
    ).toBeUndefined()
    expect(linkBase('javascript:alert(1)', repo, { base: BASE, head: HEAD })).toBeUndefined()
    expect(linkBase('https://github.com', repo, { base: 'main', head: HEAD })).toEqual({
      head: `https://github.com/octo-org/infra.policies/blob/${HEAD}/`
    })
  })
})

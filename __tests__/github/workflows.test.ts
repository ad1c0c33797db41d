// The workflows of this repository and the published examples follow the supply-chain rules of
// docs/ACTION.md: valid YAML, `permissions: {}` at the top, every job granting what it needs,
// every action pinned by a full commit SHA (this action's placeholder and `uses: ./` aside).
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'

interface Workflow {
  permissions?: unknown
  jobs: Record<
    string,
    {
      permissions?: Record<string, string>
      steps: { uses?: string; with?: Record<string, unknown> }[]
    }
  >
}

const folders = ['../../.github/workflows/', '../../examples/workflows/']
const files = folders.flatMap((folder) =>
  readdirSync(new URL(folder, import.meta.url)).map((name) => ({
    name: `${folder.slice(6)}${name}`,
    url: new URL(folder + name, import.meta.url)
  }))
)
const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/
const PLACEHOLDER = '<owner>/iam-policy-diff@<full-commit-sha>'

describe.each(files)('$name', ({ url }) => {
  const text = readFileSync(url, 'utf8')
  const workflow = parse(text) as Workflow

  it('starts from no permissions and grants each job its own', () => {
    expect(workflow.permissions).toEqual({})
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toBeDefined()
  })

  it('pins every action by a full commit SHA with the version in a comment', () => {
    for (const step of Object.values(workflow.jobs).flatMap((job) => job.steps)) {
      if (step.uses === undefined || step.uses === './') continue
      if (step.uses !== PLACEHOLDER) expect(step.uses).toMatch(PINNED)
      expect(text).toMatch(
        new RegExp(`${step.uses.replace(/[.*+?^${}()|[\]\\<>]/g, '\\$&')} # v\\d`)
      )
    }
  })

  it('checks out without persisting credentials', () => {
    for (const step of Object.values(workflow.jobs).flatMap((job) => job.steps)) {
      if (step.uses?.startsWith('actions/checkout@'))
        expect(step.with?.['persist-credentials']).toBe(false)
    }
  })
})

describe('docs/ACTION.md', () => {
  const doc = readFileSync(new URL('../../docs/ACTION.md', import.meta.url), 'utf8')
  const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!)

  it('shows only YAML that parses, with least-privilege permissions and pinned actions', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5)
    for (const block of blocks) {
      const workflow = parse(block) as Workflow
      expect(workflow.permissions).toEqual({})
      for (const step of Object.values(workflow.jobs).flatMap((job) => job.steps)) {
        if (step.uses !== undefined && step.uses !== PLACEHOLDER) expect(step.uses).toMatch(PINNED)
      }
    }
  })
})

// Hostile and broken HCL: the extractor never throws, bounds its work, reports syntax errors
// with their position, and never lets `${`, `*` or `?` from hostile names into placeholders.
import { describe, expect, test } from '@jest/globals'
import { parseHcl } from '../../src/extract/terraform/hcl-parse.js'
import { doc, statements, tf } from './terraform-helpers.js'

describe('syntax', () => {
  test.each([
    [
      'resource "aws_iam_policy" "p" {\n  policy = <<EOF\n{}\n',
      'heredoc `EOF` is not terminated',
      2
    ],
    ['resource "aws_iam_policy" "p" {\n  policy = "unterminated\n}', 'unterminated string', 2],
    ['resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n}', 'expected', 3],
    ['resource "aws_iam_policy" {{', 'expected', 1]
  ])('%j is a located terraform-syntax error', (text, message, line) => {
    const r = tf(text)
    expect(r.documents).toEqual([])
    expect(r.diagnostics).toHaveLength(1)
    expect(r.diagnostics[0]?.code).toBe('terraform-syntax')
    expect(r.diagnostics[0]?.message).toContain(message)
    expect(r.diagnostics[0]?.span?.line).toBe(line)
  })

  test('escapes, comments, heredoc indentation', () => {
    const parsed = parseHcl(
      'a = "x\\n\\u00e9\\"$${y}%%{z}" # c\n// c\n/* c */ b = <<-EOT\n    one\n      two\n    EOT\n'
    )
    expect(parsed.error).toBeUndefined()
    const [a, b] = parsed.body?.items ?? []
    expect(a?.kind === 'attribute' && a.expr).toMatchObject({
      k: 'template',
      parts: [{ k: 'text', value: 'x\né"${y}%{z}' }]
    })
    expect(b?.kind === 'attribute' && b.expr).toMatchObject({ parts: [{ value: 'one\n  two\n' }] })
  })
})

describe('limits', () => {
  test('deep nesting is refused, not a stack overflow', () => {
    const r = tf(`x = ${'['.repeat(100_000)}`)
    expect(r.diagnostics[0]?.code).toBe('terraform-syntax')
    expect(r.diagnostics[0]?.message).toContain('nesting deeper')
  })

  test('locals that double a string stop at the limits', () => {
    const locals = Array.from(
      { length: 40 },
      (_, i) => `  l${i + 1} = "\${local.l${i}}\${local.l${i}}"`
    ).join('\n')
    const r = tf(`locals {
  l0 = "aaaaaaaaaaaaaaaa"
${locals}
}
resource "aws_iam_policy" "p" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = local.l40 }] })
}`)
    expect(r.diagnostics.map((d) => d.code)).toEqual(['terraform-limit'])
    expect(doc(r, 'aws_iam_policy.p/policy').text.length).toBeLessThan(10_000)
  })

  test('cycles between locals become placeholders', () => {
    const r = tf(`locals {
  a = local.b
  b = local.a
}
resource "aws_iam_policy" "p" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = local.a }] })
}`)
    expect(statements(doc(r, 'aws_iam_policy.p/policy'))[0]?.['Resource']).toMatch(
      /^arn:aws:iam-policy-diff:::terraform-cycle\//
    )
  })
})

describe('hostile names', () => {
  test('placeholders never carry `${`, `*` or `?`', () => {
    const r = tf(`resource "aws_iam_policy" "p" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = [module.x["$\${*}?"].arn, var.y, data.z["*"].w, "\${aws_x.y}"] }] })
}
resource "aws_iam_role" "r$\${x}" {
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = module.m.out } }] })
}`)
    for (const d of r.documents) {
      for (const p of d.placeholders) expect(p.value).not.toMatch(/\$\{|\*|\?/)
      const resources = JSON.stringify(statements(d)[0]?.['Resource'] ?? '')
      expect(resources).not.toContain('${')
    }
    expect(r.documents.map((d) => d.location)).toEqual([
      'aws_iam_policy.p/policy',
      'aws_iam_role.r${x}/assume_role_policy'
    ])
  })

  test('prototype keys are plain data', () => {
    const r = tf(`locals {
  __proto__ = { polluted = true }
  constructor = "x"
}
resource "aws_iam_policy" "p" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = local.constructor, __proto__ = 1 }] })
}`)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(statements(doc(r, 'aws_iam_policy.p/policy'))[0]?.['Resource']).toBe('x')
  })

  test('random input never throws', () => {
    const alphabet = [
      '{',
      '}',
      '[',
      ']',
      '(',
      ')',
      '"',
      '$',
      '%',
      '{',
      '<<EOF\n',
      '\n',
      '=',
      'a',
      ' ',
      'for',
      ':',
      '?',
      '#',
      '/*',
      '\\',
      'jsonencode(',
      'resource "aws_iam_policy" "p" ',
      'policy',
      '${',
      'EOF\n',
      ',',
      '.',
      '*',
      '-'
    ]
    let seed = 42
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
    for (let i = 0; i < 400; i++) {
      const text = Array.from(
        { length: 1 + (next() % 60) },
        () => alphabet[next() % alphabet.length]
      ).join('')
      expect(() => tf(text)).not.toThrow()
    }
  })
})

// Regenerates the parts of the documentation that restate action.yml, so that defaults and
// descriptions live in one place:
//   README.md        between <!-- usage:start --> and <!-- usage:end -->: the `uses:` snippet
//   docs/ACTION.md   between <!-- inputs:start -->/<!-- inputs:end --> and
//                    <!-- outputs:start -->/<!-- outputs:end -->: the reference tables
//
//   node scripts/gen-readme-usage.mjs           rewrite the blocks
//   node scripts/gen-readme-usage.mjs --check   exit 1 (and say which) when a block is stale
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parse } from 'yaml'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
/** how the snippet names the action; users pin a full commit SHA (docs/ACTION.md explains) */
const USES = '<owner>/iam-policy-diff@<full-commit-sha> # v1'

export function loadAction(root = ROOT) {
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'))
  return { inputs: action.inputs ?? {}, outputs: action.outputs ?? {} }
}

const oneLine = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()

function wrap(text, width) {
  const lines = []
  let line = ''
  for (const word of oneLine(text).split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

/** The README snippet: every input with its description and default, as actions/checkout shows. */
export function usageBlock({ inputs }) {
  const lines = ['```yaml', `- uses: ${USES}`, '  with:']
  Object.entries(inputs).forEach(([name, input], i) => {
    if (i > 0) lines.push('')
    for (const text of wrap(input.description, 92)) lines.push(`    # ${text}`)
    lines.push(
      `    # Default: ${input.default === '' || input.default === undefined ? "''" : input.default}`
    )
    lines.push(`    ${name}: ''`)
  })
  lines.push('```')
  return lines.join('\n')
}

const cell = (text) => oneLine(text).replace(/\|/g, '\\|')

export function inputsTable({ inputs }) {
  const rows = Object.entries(inputs).map(([name, input]) => {
    const value = input.default === '' || input.default === undefined ? '' : `\`${input.default}\``
    return `| \`${name}\` | ${value} | ${cell(input.description)} |`
  })
  return ['| input | default | description |', '| --- | --- | --- |', ...rows].join('\n')
}

export function outputsTable({ outputs }) {
  const rows = Object.entries(outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`
  )
  return ['| output | description |', '| --- | --- |', ...rows].join('\n')
}

/** Files and the blocks they carry: [file, marker name, generator]. */
export const BLOCKS = [
  ['README.md', 'usage', usageBlock],
  ['docs/ACTION.md', 'inputs', inputsTable],
  ['docs/ACTION.md', 'outputs', outputsTable]
]

/** Replaces one marked block; throws when the markers are missing. */
export function replaceBlock(text, name, content, file) {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < from) throw new Error(`${file}: missing the markers ${start} … ${end}`)
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`
}

/**
 * The files as they should be: { file, current, expected } per file, or { file, error } when a
 * file or its markers are missing.
 */
export function expectedFiles(root = ROOT) {
  const action = loadAction(root)
  const results = new Map()
  for (const [file, name, generate] of BLOCKS) {
    const entry = results.get(file) ?? { file }
    results.set(file, entry)
    if (entry.error) continue
    try {
      entry.current ??= readFileSync(join(root, file), 'utf8')
      entry.expected = replaceBlock(entry.expected ?? entry.current, name, generate(action), file)
    } catch (error) {
      entry.error =
        error.code === 'ENOENT'
          ? `${file}: missing (it must carry the generated blocks)`
          : error.message
    }
  }
  return [...results.values()]
}

function main() {
  const check = process.argv.includes('--check')
  let problems = 0
  for (const { file, current, expected, error } of expectedFiles()) {
    if (error) {
      console.error(`gen-readme-usage: ${error}`)
      problems++
    } else if (current === expected) {
      continue
    } else if (check) {
      console.error(
        `gen-readme-usage: ${file} is out of date with action.yml: run \`node scripts/gen-readme-usage.mjs\``
      )
      problems++
    } else {
      writeFileSync(join(ROOT, file), expected)
      console.log(`gen-readme-usage: updated ${file}`)
    }
  }
  process.exitCode = problems > 0 ? 1 : 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main()

// `Fn::Sub`: `${Name}` (a parameter, pseudo parameter or resource `Ref`), `${Res.Attr}`
// (`Fn::GetAtt`), `${Var}` from the variable map, and `${!Literal}` → `${Literal}` (which is an
// IAM policy variable afterwards). Every other `${…}` of the template is substituted; unknown
// names become marked placeholders, so no template reference is ever read as a policy variable.
import { quote } from '../../diagnostics/quote.js'
import { entryOf, type LocatedNode } from '../located-tree.js'
import { scalarText, str, type RNode } from './resolved.js'
import { positionOf, type Resolver } from './resolver.js'

export function substitute(r: Resolver, arg: LocatedNode, node: LocatedNode): RNode {
  const [first, vars] = arg.kind === 'seq' ? arg.items : [arg, undefined]
  const template = first && first.kind !== 'seq' ? r.resolveString(first) : undefined
  const shapeOk = arg.kind !== 'seq' || (arg.items.length === 2 && vars?.kind === 'map')
  if (template === undefined || !shapeOk) {
    return r.invalid(node, '`Fn::Sub` takes a string, or a string and a map of variables')
  }
  let out = ''
  let opaque = false
  let from = 0
  for (;;) {
    const open = template.indexOf('${', from)
    if (open < 0) break
    out += template.slice(from, open)
    const close = template.indexOf('}', open + 2)
    if (close < 0) {
      r.report('template-intrinsic-invalid', node, '`Fn::Sub` has a `${` without its `}`')
      out += '{'
      from = open + 2
      continue
    }
    const inner = template.slice(open + 2, close)
    if (inner.startsWith('!')) out += `\${${inner.slice(1)}}`
    else {
      const value = variable(r, inner.trim(), vars, node)
      out += scalarText(value) ?? ''
      opaque ||= value?.t === 'scalar' && value.opaque === true
    }
    from = close + 1
  }
  out += template.slice(from)
  return str(out, positionOf(node), opaque)
}

function variable(
  r: Resolver,
  name: string,
  vars: LocatedNode | undefined,
  node: LocatedNode
): RNode | undefined {
  const bound = entryOf(vars, name)
  let value: RNode | undefined
  if (bound) value = r.resolve(bound.value)
  else if (name.includes('.')) value = r.getAtt({ ...node, kind: 'scalar', value: name }, node)
  else value = r.refByName(name, node)
  if (value !== undefined && value.t !== 'scalar') {
    return r.invalid(node, `\`Fn::Sub\` variable ${quote(name)} is not a string`)
  }
  return value
}

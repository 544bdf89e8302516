import type { CommandSpec } from './command-spec.js'
import { printLines } from './output.js'
import { rulesText } from './format.js'

const rules: CommandSpec<'rules'> = {
  name: 'rules',
  command: 'rules',
  description: 'the accounting rules in force and their history (change them with disco propose rules)',
  arguments: [],
  options: [],
  examples: ['disco rules', 'disco propose rules --needs-endorsement yes --rate love=2'],
  input: () => ({}),
  print: (out) => printLines([
    `rules v${out.current.version}${out.current.proposal === null ? ' (the defaults)' : ''}: ${rulesText(out.current.rules)}`,
    ...out.versions.slice(0, -1).reverse().map(v => `  earlier v${v.version}: ${rulesText(v.rules)}`)
  ])
}

export const specs = [rules]

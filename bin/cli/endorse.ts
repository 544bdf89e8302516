import type { CommandSpec } from './command-spec.js'
import { printLines } from './output.js'
import { entryLine } from './format.js'

const endorse: CommandSpec<'endorse'> = {
  name: 'endorse',
  command: 'endorse',
  description: "confirm another member's entry (never your own; once each). Where the rules need it, only endorsed entries earn credits",
  arguments: [{ name: '<entry-id>', description: 'the id disco entries shows' }],
  options: [],
  examples: ['disco entries --unendorsed', 'disco endorse 3f9a1c2b-4-0'],
  input: ([id]) => ({ id: id as string }),
  print: (out) => printLines([`endorsed: ${entryLine(out.entry)}`])
}

export const specs = [endorse]

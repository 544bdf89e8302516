import type { CommandSpec } from './command-spec.js'
import { printLines } from './output.js'
import { entryLine } from './format.js'

const retract: CommandSpec<'retract', { message?: string }> = {
  name: 'retract',
  command: 'retract',
  description: 'withdraw one of your entries: it stays in the ledger, marked, and stops counting',
  arguments: [{ name: '<entry-id>', description: 'the id disco entries shows' }],
  options: [
    { short: '-m', long: '--message', value: '<reason>', description: 'why' }
  ],
  examples: ['disco retract 3f9a1c2b-4-0 -m "logged twice"'],
  input: ([id], o) => ({ id: id as string, ...(o.message !== undefined ? { reason: o.message } : {}) }),
  print: (out) => printLines([`retracted: ${entryLine(out.entry)}`])
}

export const specs = [retract]

import type { CommandSpec } from './command-spec.js'
import { printLines, table } from './output.js'
import { STREAMS } from '../../src/ledger/streams.js'

const credits: CommandSpec<'credits', { month?: string, member?: string, lifetime?: boolean }> = {
  name: 'credits',
  command: 'credits',
  description: 'credit-minutes per participant and stream: what a distribution would weigh (docs/accounting.md)',
  arguments: [],
  options: [
    { long: '--month', value: '<YYYY-MM>', description: 'this month (default: the current one); a distributed month shows the credits that counted' },
    { long: '--member', value: '<name-or-id>', description: 'only this participant' },
    { long: '--lifetime', description: 'all months, under the rules in force now' }
  ],
  examples: ['disco credits', 'disco credits --month 2026-11 --member Ana', 'disco credits --lifetime'],
  input: (_args, o) => o,
  print: (out) => {
    const source = out.source === 'statement' ? `as distributed, rules v${out.rulesVersion}` : `under rules v${out.rulesVersion}`
    const rows = out.rows.map(r => [r.name + (r.paid ? '' : ' (recorded only)'), ...STREAMS.map(s => String(r.credits[s]))])
    printLines([`credits ${out.period} (${source})`, ...(rows.length === 0 ? ['nobody has credits'] : table(['PARTICIPANT', 'LIVELIHOOD', 'LOVE', 'CARE'], rows))])
  }
}

export const specs = [credits]

import type { CommandSpec } from './command-spec.js'
import { printLines } from './output.js'
import { balanceTable } from './format.js'

const balance: CommandSpec<'balance', { member?: string, month?: string }> = {
  name: 'balance',
  command: 'balance',
  description: 'hours (and entries) per member and stream, and money earned, for a month or all time',
  arguments: [],
  options: [
    { long: '--member', value: '<name-or-id>', description: 'only this member' },
    { long: '--month', value: '<YYYY-MM>', description: 'only this month (default: all time)' }
  ],
  examples: ['disco balance', 'disco balance --month 2026-11 --member Ana'],
  input: (_args, o) => o,
  print: (out) => printLines([`period: ${out.period === 'all' ? 'all time' : out.period}`, ...balanceTable(out.members, out.total)])
}

export const specs = [balance]

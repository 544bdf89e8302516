import type { CommandSpec } from './command-spec.js'
import { printLines, table } from './output.js'
import { STREAMS } from '../../src/ledger/streams.js'

const evaluate: CommandSpec<'evaluate'> = {
  name: 'evaluate',
  command: 'evaluate',
  description: "each participant's credits over a period against their role's quota: who is short and by how much, " +
    'and while the period runs who is behind an even pace (docs/accounting.md, "Evaluation"); every node prints the same',
  arguments: [{ name: '[period]', description: 'a month (YYYY-MM) or a quarter (YYYY-Qn), of the kind the quotas are per (default: the current one, on the ledger time)' }],
  options: [],
  examples: ['disco evaluate 2026-Q4', 'disco evaluate --json'],
  input: ([period]) => period === undefined ? {} : { period },
  print: (out) => {
    const state = out.state === 'over' ? 'over' : out.state === 'ahead' ? 'not begun' : `running, ${Math.floor(out.elapsed / 10)}% passed`
    const rows = out.rows.map(r => [
      `${r.name} (${r.role})`, ...STREAMS.map(s => r.byStream[s]), r.credits, r.quota,
      r.quota === '0' ? 'no quota' : r.met ? 'met' : `short ${r.short}${r.behind ? ', behind pace' : ''}`
    ])
    printLines([
      `evaluation ${out.period} (${state}; quotas per ${out.quotaPeriod}, rules v${out.rulesVersion}; credit-minutes)`,
      ...(rows.length === 0 ? ['nobody logs value'] : table(['PARTICIPANT', 'LIVELIHOOD', 'LOVE', 'CARE', 'TOTAL', 'QUOTA', ''], rows)),
      out.short.length === 0 ? 'everyone with a quota has met it' : `${out.short.length} short of their quota`
    ])
  }
}

export const specs = [evaluate]

import type { Command } from 'commander'
import { examples, globals } from './options.js'
import { printJson, printLines, table } from './output.js'
import { runCommand } from './node-action.js'
import { moneyText } from './format.js'
import { formatMinutes } from '../../src/ledger/duration.js'
import type { ReportRow } from '../../src/commands/report.js'
import type { DifferenceKind, StatementCheck } from '../../src/commands/statement-check.js'

const REASONS: Record<DifferenceKind, string> = {
  'late-since': 'late change(s) to it since it was distributed',
  'carried-in': 'late change(s) to earlier periods it counted',
  rules: 'other rules: it used its own version',
  currency: 'money credits in another currency',
  other: 'the rest'
}

/** One line per distributed period in the report: whether its credits are the statement's, and why not. */
function statementCheckLine (c: StatementCheck): string {
  if (c.difference === '0') return `statement ${c.period}: the same ${c.statement} credit-minutes`
  const why = c.reasons.map(r => `${r.count > 0 ? `${r.count} ` : ''}${REASONS[r.kind]}${r.credits === null ? '' : ` (${r.credits.startsWith('-') ? '' : '+'}${r.credits})`}`)
  return `statement ${c.period}: ${c.statement} credit-minutes, this report ${c.report} (${c.difference.startsWith('-') ? '' : '+'}${c.difference}): ${why.join('; ')}`
}

export function register (program: Command): void {
  examples(program.command('report')
    .description('hours, credits, money earned, income and payouts over a period, grouped by member, stream, project or client')
    .option('--month <period>', 'one month (YYYY-MM) or quarter (YYYY-Qn)')
    .option('--from <YYYY-MM-DD>', 'from this day')
    .option('--to <YYYY-MM-DD>', 'to this day (inclusive)')
    .option('--by <group>', 'member (default), stream, project, client or coop (work for each federated cooperative)')
    .action(async (o: { month?: string, from?: string, to?: string, by?: string }, c: Command) => {
      const out = await runCommand(c, 'report', o)
      if (globals(c).json === true) return printJson(out)
      const line = (r: ReportRow): string[] => [
        r.label, r.minutes === 0 ? '-' : formatMinutes(r.minutes), String(r.credits),
        moneyText(r.money) || '-', moneyText(r.income) || '-', moneyText(r.payouts) || '-'
      ]
      printLines([
        `report ${out.period.label}, by ${out.by} (credits under rules v${out.rulesVersion})`,
        ...table([out.by.toUpperCase(), 'HOURS', 'CREDITS', 'EARNED', 'INCOME', 'PAYOUTS'], [...out.rows.map(line), line(out.total)]),
        ...out.statements.map(statementCheckLine)
      ])
    }), ['disco report --month 2026-11', 'disco report --from 2026-01-01 --to 2026-06-30 --by project', 'disco report --by client --json', 'disco report --by coop --month 2026-11'])
}

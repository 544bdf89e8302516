import type { CommandSpec } from './command-spec.js'
import { printLines, table } from './output.js'
import { STREAMS } from '../../src/ledger/streams.js'
import type { StatementView } from '../../src/commands/statement.js'

/** A stream's cell: the amount, the credits, and the share of them that counted when not all. */
function cell (amount: string, credits: string, share: number): string {
  return `${amount} (${credits}${share === 100 ? '' : share === 0 ? ', recorded' : `, ${share}%`})`
}

export function statementLines (s: StatementView): string[] {
  const capped = s.cap !== null
  const rows = s.lines.map(l => [
    l.name + (l.paid ? '' : ' (recorded)') + (l.stage > 0 && l.role === 'dater' ? ` (stage ${l.stage})` : ''),
    ...STREAMS.map(st => cell(l.amountsDisplay[st], l.credits[st], l.shares[st])),
    ...(capped ? [l.capped > 0 ? `-${l.capped}` : l.received > 0 ? `+${l.received}` : '0'] : []),
    l.totalDisplay
  ])
  const t = s.totals
  rows.push(['total', ...STREAMS.map(st => `${t.amountsDisplay[st]} (${t.credits[st]})`), ...(capped ? [t.kept > 0 ? `kept ${t.keptDisplay}` : ''] : []), t.totalDisplay])
  const out = [
    `statement ${s.month}: ${s.poolDisplay} ${s.currency}, rules v${s.rulesVersion}, ${s.entries} entries`,
    ...table(['MEMBER', 'LIVELIHOOD (credit-min)', 'LOVE (credit-min)', 'CARE (credit-min)', ...(capped ? ['CAP (minor units)'] : []), `TOTAL ${s.currency}`], rows)
  ]
  if (s.cap !== null) {
    out.push(`cap ${s.cap.amount} minor units a payout: ${s.cap.over} above it, ${s.cap.excess === 'share' ? `shared among the others${s.cap.kept > 0 ? `, ${t.keptDisplay} ${s.currency} kept (everyone at the cap)` : ''}` : `${t.keptDisplay} ${s.currency} kept by the cooperative`}`)
  }
  out.push(s.paid === null ? 'not paid yet (disco paid ' + s.month + ' --reference …)' : `paid ${s.paid.date} by ${s.paidByName ?? '?'}: ${s.paid.reference}`)
  if (s.carried.length > 0) out.push(`counted ${s.carried.length} late change(s) to earlier periods`)
  if (s.late.length > 0) {
    out.push(`${s.late.length} late change(s) since; they do not change this statement (${s.late.filter(l => l.settledIn !== null).length} settled):`)
    for (const l of s.late) {
      const sign = l.effect.startsWith('-') ? '' : '+'
      out.push(`  ${l.kind} ${l.entry.slice(0, 8)}…${l.entry.slice(l.entry.indexOf('-'))} (${l.memberName}'s) by ${l.byName}: ${sign}${l.effect} credit-min` +
        `${l.settledIn === null ? ', not settled yet' : l.counted ? `, counted in ${l.settledIn}` : `, settled in ${l.settledIn} without counting`}`)
    }
  }
  return out
}

const statement: CommandSpec<'statement'> = {
  name: 'statement',
  command: 'statement',
  description: "a distributed month's statement: each participant's credits and payout per stream (every node prints the same)",
  arguments: [{ name: '[month]', description: 'YYYY-MM (default: every statement)' }],
  options: [],
  examples: ['disco statement 2026-11', 'disco statement 2026-11 --json'],
  input: ([month]) => month === undefined ? {} : { month },
  print: (out) => {
    if (out.statements.length === 0) return printLines(['no month has been distributed yet (disco propose distribute <month> <amount> <currency>)'])
    printLines(out.statements.flatMap((s, i) => [...(i > 0 ? [''] : []), ...statementLines(s)]))
  }
}

export const specs = [statement]

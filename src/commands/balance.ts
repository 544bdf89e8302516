import { listMembers, memberBalances, resolveMember } from '../consensus/queries.js'
import { emptyBalance, sumBalances } from '../ledger/balances.js'
import { parseMonth } from '../ledger/dates.js'
import { STREAMS } from '../ledger/streams.js'
import type { Balance } from '../ledger/balances.js'
import type { Member } from '../ledger/members.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { balanceView } from './views.js'
import type { BalanceView } from './views.js'

export interface BalanceInput {
  member?: string
  /** YYYY-MM; the whole history when absent */
  month?: string
}

export interface MemberBalance {
  member: string
  name: string
  role: string
  streams: BalanceView[]
}

export interface BalanceOutput {
  /** YYYY-MM, or "all" */
  period: string
  members: MemberBalance[]
  /** the sum over the members listed */
  total: BalanceView[]
}

/** Hours and money per member and stream, for a month or for all time: lookups, not a replay. */
export async function balance (node: LedgerNode, input: BalanceInput): Promise<BalanceOutput> {
  const period = input.month === undefined ? 'all' : parseMonth(input.month)
  const snap = node.snapshot()
  try {
    const members: Member[] = input.member === undefined ? await listMembers(snap) : [await resolveMember(snap, input.member)]
    const totals = new Map<string, Balance>(STREAMS.map(s => [s, emptyBalance()]))
    const rows: MemberBalance[] = []
    for (const m of members) {
      const streams = await memberBalances(snap, m.id, period)
      for (const row of streams) totals.set(row.stream, sumBalances(totals.get(row.stream) ?? emptyBalance(), row.balance))
      rows.push({ member: m.id, name: m.name, role: m.role, streams: streams.map(r => balanceView(r.stream, r.balance)) })
    }
    return { period, members: rows, total: STREAMS.map(s => balanceView(s, totals.get(s) ?? emptyBalance())) }
  } finally {
    await snap.close()
  }
}

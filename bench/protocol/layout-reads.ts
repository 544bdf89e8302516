/**
 * What a member reads from a ledger, taken the same way from a store before an upgrade of the
 * view's layout and after its rebuild (test/view-layout.test.ts): the members, every entry, each
 * member's balances, the statements, the proposals with their outcome in words, and each
 * writer's log as a length and a Merkle tree hash (the signed logs must not change in a rebuild).
 */
import b4a from 'b4a'
import type { BeeReader } from 'hyperbee'
import type Corestore from 'corestore'
import { listDeviceKeys, listEntries, listMembers, listProposals, memberBalances } from '../../src/consensus/queries.js'
import { listStatements } from '../../src/consensus/accounting-queries.js'
import { proposalReason } from '../../src/commands/proposal-view.js'

export interface LayoutReads {
  members: unknown[]
  entries: unknown[]
  balances: unknown[]
  statements: unknown[]
  proposals: unknown[]
  logs: Array<{ writer: string, length: number, treeHash: string }>
}

/** JSON's view of a value (bigints as text), so that reads compare as the fixture stores them. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_k, v: unknown) => typeof v === 'bigint' ? v.toString() : v))

export async function readLayout (view: BeeReader, store: Corestore): Promise<LayoutReads> {
  const members = await listMembers(view)
  const balances = []
  for (const m of members) balances.push(...await memberBalances(view, m.id, 'all'))
  const logs = []
  for (const writer of (await listDeviceKeys(view)).sort()) {
    const core = store.get({ key: b4a.from(writer, 'hex'), active: false })
    await core.ready()
    logs.push({ writer, length: core.length, treeHash: b4a.toString(await core.treeHash(core.length), 'hex') })
    await core.close()
  }
  return plain({
    members,
    entries: await listEntries(view, {}),
    balances,
    statements: await listStatements(view),
    proposals: (await listProposals(view)).map(({ proposal: p }) => ({ id: p.id, kind: p.kind, status: p.status, outcome: proposalReason(p), tally: p.tally })),
    logs
  }) as LayoutReads
}

/**
 * What every layout must read the same after a rebuild: a later layout may add fields to a record
 * or order lines otherwise, but a member's entries, balances, credits and payouts, and why each
 * proposal stands as it does, never change.
 */
export function sameEverywhere (reads: LayoutReads): Record<string, unknown> {
  type Row = Record<string, unknown>
  const pick = (row: Row, keys: string[]): Row => Object.fromEntries(keys.filter(k => row[k] !== undefined).map(k => [k, row[k]]))
  const byMember = (a: Row, b: Row): number => String(a.member) < String(b.member) ? -1 : 1
  return {
    members: (reads.members as Row[]).map(m => pick(m, ['id', 'name', 'role', 'since', 'devices', 'removedAt'])),
    entries: (reads.entries as Row[]).map(e => pick(e, ['id', 'member', 'stream', 'minutes', 'date', 'status', 'description', 'project', 'money', 'endorsedBy'])),
    balances: reads.balances,
    statements: (reads.statements as Row[]).map(s => ({
      ...pick(s, ['month', 'currency', 'pool', 'proposal', 'decidedBy', 'entries', 'paid']),
      lines: (s.lines as Row[]).map(l => pick(l, ['member', 'name', 'role', 'paid', 'credits', 'amounts', 'total'])).sort(byMember)
    })),
    proposals: reads.proposals,
    logs: reads.logs
  }
}

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

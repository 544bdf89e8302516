import { listMembers } from '../consensus/queries.js'
import type { Member } from '../ledger/members.js'
import type { LedgerNode } from '../node/ledger-node.js'

/** Everyone in the cooperative: id, name, role and devices. */
export async function members (node: LedgerNode): Promise<{ members: Member[] }> {
  const snap = node.snapshot()
  try {
    return { members: await listMembers(snap) }
  } finally {
    await snap.close()
  }
}

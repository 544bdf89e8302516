import { listMembers } from '../consensus/queries.js'
import type { Member } from '../ledger/members.js'
import type { DiscoNode } from '../node/node.js'

/** Everyone in the cooperative: id, name, role and devices. */
export async function members (node: DiscoNode): Promise<{ members: Member[] }> {
  const snap = node.snapshot()
  try {
    return { members: await listMembers(snap) }
  } finally {
    await snap.close()
  }
}

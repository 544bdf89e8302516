import { getMember } from '../consensus/queries.js'
import { DiscoError } from '../errors.js'
import { opId } from '../ledger/ids.js'
import type { Member } from '../ledger/members.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { localMember } from './session.js'

/** Change the name the cooperative sees for this device's member. */
export async function profile (node: LedgerNode, input: { name: string }): Promise<{ member: Member }> {
  const me = await localMember(node)
  const [ref] = await node.append([{ type: 'profile', name: input.name.trim() }])
  const snap = node.snapshot()
  try {
    const member = await getMember(snap, me.id)
    if (member === null || member.name !== input.name.trim()) {
      throw new DiscoError('NOT_APPLIED', `profile op ${opId(ref!)} did not change the name`, 'state')
    }
    return { member }
  } finally {
    await snap.close()
  }
}

import { getEntry, resolveEntryId } from '../consensus/queries.js'
import { DiscoError } from '../errors.js'
import { opId, refFromFullId } from '../ledger/ids.js'
import { canEndorse } from '../ledger/roles.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { readBack } from './read-back.js'
import { localMember } from './session.js'
import type { EntryView } from './views.js'

/** Confirm another member's entry. Checked here the way apply checks it, so a refusal appends nothing. */
export async function endorse (node: LedgerNode, input: { id: string }): Promise<{ entry: EntryView }> {
  const me = await localMember(node)
  if (!canEndorse(me.role)) throw DiscoError.notAllowed(me.role, 'endorse')
  const snap = node.snapshot()
  let id: string
  try {
    id = await resolveEntryId(snap, input.id)
    const entry = await getEntry(snap, id)
    if (entry === null) throw DiscoError.entryNotFound(input.id)
    if (entry.status === 'retracted') throw DiscoError.entryRetracted(input.id)
    if (entry.member === me.id) throw DiscoError.ownEntry(input.id)
    if (entry.endorsedBy.includes(me.id)) throw DiscoError.alreadyEndorsed(input.id)
  } finally {
    await snap.close()
  }
  const [ref] = await node.append([{ type: 'endorse', target: refFromFullId(id) }])
  return { entry: await readBack(node, opId(ref!), id) }
}

import { getEntry, resolveEntryId } from '../consensus/queries.js'
import { DiscoError } from '../errors.js'
import type { Entry } from '../ledger/entries.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { localMember } from './session.js'

/** The entry a person named, checked the way apply will check it: exists, is theirs, is live. */
export async function ownLiveEntry (node: LedgerNode, idText: string): Promise<Entry> {
  const me = await localMember(node)
  const snap = node.snapshot()
  try {
    const id = await resolveEntryId(snap, idText)
    const entry = await getEntry(snap, id)
    if (entry === null) throw DiscoError.entryNotFound(idText)
    if (entry.member !== me.id) throw DiscoError.notOwnEntry(idText)
    if (entry.status === 'retracted') throw DiscoError.entryRetracted(idText)
    return entry
  } finally {
    await snap.close()
  }
}

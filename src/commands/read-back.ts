import type { BeeReader } from 'hyperbee'
import { DiscoError } from '../errors.js'
import { getEntry, listMembers } from '../consensus/queries.js'
import { keys } from '../consensus/view-layout.js'
import { parseJson } from '../consensus/canonical-json.js'
import type { Rejection } from '../consensus/apply.js'
import type { DiscoNode } from '../node.js'
import { entryView } from './views.js'
import type { EntryView } from './views.js'

/**
 * The entry an op just wrote or changed, as the view now has it. A local op is applied before
 * append resolves; if apply refused it anyway (the ledger changed under us), its rejection is
 * the error, so a command never reports success for an op that did not count.
 */
export async function readBack (node: DiscoNode, opIdWritten: string, entryId: string = opIdWritten): Promise<EntryView> {
  const snap = node.snapshot()
  try {
    const rejection = await rejectionOf(snap, opIdWritten)
    if (rejection !== null) throw new DiscoError(rejection.code, rejection.message)
    const entry = await getEntry(snap, entryId)
    if (entry === null) throw new DiscoError('NOT_APPLIED', `op ${opIdWritten} was written but is not in the ledger view yet`, 'state')
    return entryView(entry, new Map((await listMembers(snap)).map(m => [m.id, m])))
  } finally {
    await snap.close()
  }
}

async function rejectionOf (r: BeeReader, id: string): Promise<Rejection | null> {
  const [writer, seq, index] = id.split('-')
  const node = await r.get(keys.rejection(writer ?? '', Number(seq), Number(index)))
  return node === null ? null : parseJson<Rejection>(node.value)
}

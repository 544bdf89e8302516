import { DiscoError } from '../errors.js'
import { getEntry, getRejection, listMembers } from '../consensus/queries.js'
import { renderRejection } from '../consensus/apply.js'
import type { BeeReader } from 'hyperbee'
import type { LedgerNode } from '../node/ledger-node.js'
import { entryView } from './views.js'
import type { EntryView } from './views.js'

/**
 * The entry an op just wrote or changed, as the view now has it. A local op is applied before
 * append resolves; if apply refused it anyway (the ledger changed under us), its rejection is
 * the error, so a command never reports success for an op that did not count.
 */
export async function readBack (node: LedgerNode, opIdWritten: string, entryId: string = opIdWritten): Promise<EntryView> {
  const snap = node.snapshot()
  try {
    await throwIfRejected(snap, opIdWritten)
    const entry = await getEntry(snap, entryId)
    if (entry === null) throw new DiscoError('NOT_APPLIED', `op ${opIdWritten} was written but is not in the ledger view yet`, 'state')
    return entryView(entry, new Map((await listMembers(snap)).map(m => [m.id, m])))
  } finally {
    await snap.close()
  }
}

/** A local op is applied before append resolves; if apply refused it (the ledger changed under
 * us), its recorded rejection becomes the command's error. */
export async function throwIfRejected (r: BeeReader, opIdWritten: string): Promise<void> {
  const rejection = await getRejection(r, opIdWritten)
  if (rejection !== null) throw new DiscoError(rejection.code, renderRejection(rejection).message, 'input', undefined, rejection.params)
}

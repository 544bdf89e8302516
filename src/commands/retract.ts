import { opId, refFromFullId } from '../ledger/ids.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { ownLiveEntry } from './own-entry.js'
import { readBack } from './read-back.js'
import type { EntryView } from './views.js'

/** Withdraw one of your own entries: it stays in the ledger, marked, and stops counting. */
export async function retract (node: LedgerNode, input: { id: string, reason?: string }): Promise<{ entry: EntryView }> {
  const entry = await ownLiveEntry(node, input.id)
  const [ref] = await node.append([{ type: 'retract', target: refFromFullId(entry.id), reason: (input.reason ?? '').trim() }])
  return { entry: await readBack(node, opId(ref!), entry.id) }
}

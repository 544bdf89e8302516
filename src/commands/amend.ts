import { patchedFields } from '../ledger/entries.js'
import { opId, refFromFullId } from '../ledger/ids.js'
import { validateContribution } from '../ledger/validate.js'
import type { DiscoNode } from '../node.js'
import { contributionPatch } from './contribution-input.js'
import type { AmendInput } from './contribution-input.js'
import { readBack } from './read-back.js'
import { ownLiveEntry } from './own-entry.js'
import type { EntryView } from './views.js'

/** Correct one of your own entries: a new op that names it and the fields that change. */
export async function amend (node: DiscoNode, input: AmendInput & { id: string }): Promise<{ entry: EntryView }> {
  const entry = await ownLiveEntry(node, input.id)
  const patch = contributionPatch(input)
  validateContribution(patchedFields(entry, patch))
  const [ref] = await node.append([{ type: 'amend', target: refFromFullId(entry.id), patch }])
  return { entry: await readBack(node, opId(ref!), entry.id) }
}

import { patchedFields } from '../ledger/entries.js'
import type { Entry } from '../ledger/entries.js'
import { DiscoError } from '../errors.js'
import { opId, refFromFullId } from '../ledger/ids.js'
import { validateContribution } from '../ledger/validate.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { contributionPatch } from './contribution-input.js'
import { checkOutputUnit } from './output-unit.js'
import type { AmendInput } from './contribution-input.js'
import { readBack } from './read-back.js'
import { ownLiveEntry } from './own-entry.js'
import type { EntryView } from './views.js'

/** Correct one of your own entries: a new op that names it and the fields that change. */
export async function amend (node: LedgerNode, input: AmendInput & { id: string }): Promise<{ entry: EntryView }> {
  const entry = await ownLiveEntry(node, input.id)
  const patch = contributionPatch(withEntryCurrency(input, entry))
  validateContribution(patchedFields(entry, patch))
  await checkOutputUnit(node, patch.output)
  const [ref] = await node.append([{ type: 'amend', target: refFromFullId(entry.id), patch }])
  return { entry: await readBack(node, opId(ref!), entry.id) }
}

/**
 * `--amount` alone corrects the figure in the currency the entry already has: a person fixing a
 * typo in "120.50 EUR" should not have to say EUR again. An entry with no money yet has no
 * currency to take, so then --currency is needed.
 */
function withEntryCurrency (input: AmendInput, entry: Entry): AmendInput {
  if (input.amount === undefined || input.currency !== undefined || input.clearMoney === true) return input
  if (entry.money === null) throw DiscoError.invalidArgument('--amount needs --currency: this entry has no amount yet to take the currency from')
  return { ...input, currency: entry.money.currency }
}

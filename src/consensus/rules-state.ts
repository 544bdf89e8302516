import { DEFAULT_RULES_RECORD } from '../ledger/rules.js'
import type { RulesRecord } from '../ledger/rules.js'
import { RULES_KEY } from './view-layout.js'
import type { ViewTx } from './view-tx.js'
import { andThen } from './now-or-later.js'
import type { NowOrLater } from './now-or-later.js'

/** The accounting rules in force at this point of the ledger: version 0, the defaults, until a
 * `rules` proposal passes. Now when the batch holds the key (NowOrLater), a promise otherwise. */
export function currentRules (tx: ViewTx): NowOrLater<RulesRecord> {
  return andThen(tx.read<RulesRecord>(RULES_KEY), rules => rules ?? DEFAULT_RULES_RECORD)
}

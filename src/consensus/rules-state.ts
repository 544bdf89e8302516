import { DEFAULT_RULES_RECORD } from '../ledger/rules.js'
import type { RulesRecord } from '../ledger/rules.js'
import { RULES_KEY } from './view-layout.js'
import type { ViewTx } from './view-tx.js'

/** The accounting rules in force at this point of the ledger: version 0, the defaults, until a
 * `rules` proposal passes. */
export async function currentRules (tx: ViewTx): Promise<RulesRecord> {
  return await tx.get<RulesRecord>(RULES_KEY) ?? DEFAULT_RULES_RECORD
}

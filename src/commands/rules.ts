import { getRules, listRulesVersions } from '../consensus/accounting-queries.js'
import type { RulesRecord } from '../ledger/rules.js'
import type { LedgerNode } from '../node/ledger-node.js'

/** The accounting rules in force, and every earlier version. */
export async function rules (node: LedgerNode): Promise<{ current: RulesRecord, versions: RulesRecord[] }> {
  const snap = node.snapshot()
  try {
    return { current: await getRules(snap), versions: await listRulesVersions(snap) }
  } finally {
    await snap.close()
  }
}

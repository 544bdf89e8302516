import { getRules } from '../consensus/accounting-queries.js'
import { DiscoError } from '../errors.js'
import type { Output } from '../ledger/ops.js'
import { unitOf } from '../ledger/rules.js'
import type { LedgerNode } from '../node/ledger-node.js'

/** An output must be in a unit the rules in force name: refused here, before anything is written,
 * as apply would refuse it (`UNKNOWN_UNIT`, src/consensus/reducers.ts). */
export async function checkOutputUnit (node: LedgerNode, output: Output | null | undefined): Promise<void> {
  if (output === null || output === undefined) return
  const snap = node.snapshot()
  try {
    if (unitOf((await getRules(snap)).rules, output.unit) === undefined) throw DiscoError.unknownUnit(output.unit)
  } finally {
    await snap.close()
  }
}

import { listRejections, rejectionTotals } from '../consensus/queries.js'
import { renderRejection } from '../consensus/apply.js'
import type { Rejection, RejectionCount } from '../consensus/apply.js'
import type { LedgerNode } from '../node/ledger-node.js'

/** Ops the ledger refused, with their reasons: nothing a member wrote disappears unexplained. The
 * view keeps each reason as a code and params; the words are this release's (renderRejection). */
export async function rejections (node: LedgerNode, input: { limit?: number }): Promise<{ rejections: Rejection[], count: RejectionCount }> {
  const snap = node.snapshot()
  try {
    return { rejections: (await listRejections(snap, input.limit)).map(renderRejection), count: await rejectionTotals(snap) }
  } finally {
    await snap.close()
  }
}

import { listRejections, rejectionTotals } from '../consensus/queries.js'
import type { Rejection, RejectionCount } from '../consensus/apply.js'
import type { DiscoNode } from '../node.js'

/** Ops the ledger refused, with their reasons: nothing a member wrote disappears unexplained. */
export async function rejections (node: DiscoNode, input: { limit?: number }): Promise<{ rejections: Rejection[], count: RejectionCount }> {
  const snap = node.snapshot()
  try {
    return { rejections: await listRejections(snap, input.limit), count: await rejectionTotals(snap) }
  } finally {
    await snap.close()
  }
}

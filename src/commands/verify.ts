import { DiscoError } from '../errors.js'
import type { LedgerNode } from '../node/ledger-node.js'
import type { VerifyProgress, VerifyReport } from '../verify/verify-ledger.js'

export type { VerifyProgress, VerifyReport }

/**
 * `disco verify`: check the writers' signed cores and re-derive the whole view from them (see
 * verify/verify-ledger.ts). It reads one snapshot of the view, so a running node may go on
 * applying while it checks.
 */
export async function verify (node: LedgerNode, onProgress?: (p: VerifyProgress) => void): Promise<VerifyReport> {
  try {
    return await node.verify(onProgress)
  } catch (err) {
    throw verifyError(err)
  }
}

/** What a failure of verify is to the member: a DiscoError as it is, anything else an interruption. */
export function verifyError (err: unknown): DiscoError {
  if (err instanceof DiscoError) return err
  // a reorder can truncate the view under the snapshot while a running node applies
  return new DiscoError('VERIFY_INTERRUPTED', `verify could not read the ledger to the end (${(err as Error).message}): run it again`, 'state')
}

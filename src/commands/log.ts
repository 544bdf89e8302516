import { findByIdempotencyKey, getEntry, listMembers } from '../consensus/queries.js'
import { opId } from '../ledger/ids.js'
import { canLogValue } from '../ledger/roles.js'
import { DiscoError } from '../errors.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { contributionOp } from './contribution-input.js'
import { checkOutputUnit } from './output-unit.js'
import type { ContributionInput } from './contribution-input.js'
import { localMember } from './session.js'
import { readBack } from './read-back.js'
import { entryView } from './views.js'
import { resolveFederate } from '../consensus/federation-queries.js'
import type { EntryView } from './views.js'

export interface LogInput extends ContributionInput {
  /** return only once a peer holds the entry (needs a node on the swarm: `disco start`) */
  confirm?: boolean
  /** how long to wait for that, in ms (default 30 s) */
  confirmTimeoutMs?: number
}

export interface LogOutput {
  entry: EntryView
  /** true when the idempotency key was used before: nothing new was written */
  duplicate: boolean
  /** with `confirm`: a peer holds the entry */
  confirmed?: boolean
}

/** Log a value entry for this device's member. */
export async function log (node: LedgerNode, input: LogInput): Promise<LogOutput> {
  const op = contributionOp(input)
  const me = await localMember(node)
  if (!canLogValue(me.role)) throw DiscoError.notAllowed(me.role, 'log-value')
  await checkOutputUnit(node, op.output)
  if (input.confirm === true && !node.online) {
    throw new DiscoError('OFFLINE', '--confirm waits for a peer to hold the entry: run it against a running node (disco start)', 'state')
  }
  if (input.forCoop !== undefined) {
    const snap = node.snapshot()
    try { op.forCoop = (await resolveFederate(snap, input.forCoop)).id } finally { await snap.close() }
  }

  if (op.key !== '') {
    const snap = node.snapshot()
    try {
      const existing = await findByIdempotencyKey(snap, me.id, op.key)
      const entry = existing === null ? null : await getEntry(snap, existing)
      if (entry !== null) return { entry: entryView(entry, new Map((await listMembers(snap)).map(m => [m.id, m]))), duplicate: true }
    } finally {
      await snap.close()
    }
  }

  const [ref] = await node.append([op])
  const entry = await readBack(node, opId(ref!))
  if (input.confirm !== true) return { entry, duplicate: false }
  await node.heldByPeer(ref!.seq, input.confirmTimeoutMs ?? 30_000)
  return { entry, duplicate: false, confirmed: true }
}

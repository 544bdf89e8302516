import { listFederates, resolveFederate } from '../consensus/federation-queries.js'
import { DiscoError } from '../errors.js'
import { opId } from '../ledger/ids.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { throwIfRejected } from './read-back.js'

export interface CheckinResult { federate: string, name: string, id: string, length: number }

/**
 * `disco checkin [name]`: witness a federate's signed history now (all federates when none is
 * named): a `checkin` op with its signed length, tree hash and signature, as this node holds them.
 */
export async function checkin (node: LedgerNode, input: { federate?: string }): Promise<{ checkins: CheckinResult[] }> {
  const snap = node.snapshot()
  let targets
  try {
    targets = input.federate === undefined ? await listFederates(snap) : [await resolveFederate(snap, input.federate)]
  } finally {
    await snap.close()
  }
  if (targets.length === 0) throw new DiscoError('NO_FEDERATES', 'this cooperative has no federates yet: disco federate add <code> --name "…"', 'state')
  const out: CheckinResult[] = []
  for (const f of targets) {
    const done = await node.federation.checkin(f.id)
    if (done === null) {
      throw new DiscoError('NOTHING_TO_WITNESS', `nothing of ${f.name}'s ledger has reached this node yet: it must meet them on the network first (disco start)`, 'state')
    }
    const id = opId(done.ref)
    const check = node.snapshot()
    try { await throwIfRejected(check, id) } finally { await check.close() }
    out.push({ federate: f.id, name: f.name, id, length: done.length })
  }
  return { checkins: out }
}

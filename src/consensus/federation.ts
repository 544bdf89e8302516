import b4a from 'b4a'
import { DiscoError } from '../errors.js'
import { DEFAULT_CHECKIN_DAYS, checkinPeriod } from '../ledger/federation.js'
import { verifyEvidence } from './federate-signatures.js'
import type { EvidenceKind } from '../ledger/federation.js'
import type { CheckinOp, DisputeOp, SignedState, TreeNode } from '../ledger/ops.js'
import { author } from './context.js'
import type { OpContext } from './context.js'
import { FEDERATION_RULES_KEY, keys } from './view-layout.js'
import { ledgerNow } from './ledger-clock.js'
import type { ViewTx } from './view-tx.js'

/**
 * Federation in apply (docs/federation.md): check-ins witness a federate's signed history, one per
 * federate per period; a dispute records verified evidence that a federate rewrote its past.
 * Signatures are checked before this (validate-op.ts): here only the ledger's state.
 */

/** A signed state as the view keeps it: hashes and signatures in hex. */
export interface SignedStateView { length: number, fork: number, treeHash: string, signature: string }

export interface CheckinRecord extends SignedStateView {
  federate: string
  period: number
  /** the member whose device checked in, the op, and its time */
  by: string
  op: string
  at: number
}

export interface Federate {
  /** the federate's signed core key (hex): its id */
  id: string
  name: string
  /** the swarm topic where it is found (hex) */
  topic: string
  /** its core's manifest (hex), from the first check-in */
  manifest: string | null
  trust: number
  stage: number
  since: number
  proposal: string
  removedAt: number | null
  checkins: number
  lastCheckin: CheckinRecord | null
  disputes: number
}

export interface DisputeRecord {
  id: string
  federate: string
  kind: EvidenceKind
  manifest: string
  witnessed: SignedStateView
  observed: SignedStateView
  prefix: TreeNodeView[]
  extension: TreeNodeView[]
  by: string
  at: number
}

export interface TreeNodeView { index: number, size: number, hash: string }

export interface FederationRules { days: number, proposal: string | null, since: number }

const hex = (b: Uint8Array): string => b4a.toString(b, 'hex')

export function signedStateView (s: SignedState): SignedStateView {
  return { length: s.length, fork: s.fork, treeHash: hex(s.treeHash), signature: hex(s.signature) }
}

const nodeView = (n: TreeNode): TreeNodeView => ({ index: n.index, size: n.size, hash: hex(n.hash) })

export async function federationRules (tx: ViewTx): Promise<FederationRules> {
  return await tx.get<FederationRules>(FEDERATION_RULES_KEY) ?? { days: DEFAULT_CHECKIN_DAYS, proposal: null, since: 0 }
}

export function unknownFederate (id: string): DiscoError {
  return DiscoError.unknownFederate(id)
}

async function activeFederate (tx: ViewTx, id: string): Promise<Federate> {
  const fed = await tx.get<Federate>(keys.federate(id))
  if (fed === null || fed.removedAt !== null) throw unknownFederate(id)
  return fed
}

/** Work logged for a federate needs a federate that is one now. */
export async function checkForCoopTarget (id: string, ctx: OpContext): Promise<void> {
  await activeFederate(ctx.tx, id)
}

export async function checkin (op: CheckinOp, ctx: OpContext): Promise<void> {
  const member = await author(ctx)
  const id = hex(op.federate)
  const fed = await activeFederate(ctx.tx, id)
  const { days } = await federationRules(ctx.tx)
  // the period by the ledger time: a clock set ahead cannot take a future period's check-in
  const period = checkinPeriod(await ledgerNow(ctx.tx), days)
  const key = keys.checkin(id, period)
  const earlier = await ctx.tx.get<CheckinRecord>(key)
  if (earlier !== null) {
    throw DiscoError.alreadyCheckedIn(fed.name, earlier.length, earlier.op)
  }
  const record: CheckinRecord = { federate: id, period, ...signedStateView(op), by: member.id, op: ctx.id, at: ctx.time }
  await ctx.tx.put(key, record)
  await ctx.tx.put(keys.federate(id), { ...fed, manifest: fed.manifest ?? hex(op.manifest), checkins: fed.checkins + 1, lastCheckin: record } satisfies Federate)
}

/** The same two states, in either order, are one dispute. */
export function disputeKey (a: SignedState, b: SignedState): string {
  const [x, y] = a.length < b.length || (a.length === b.length && hex(a.treeHash) < hex(b.treeHash)) ? [a, b] : [b, a]
  return `${x.length}-${hex(x.treeHash).slice(0, 16)}-${y.length}-${hex(y.treeHash).slice(0, 16)}`
}

export async function dispute (op: DisputeOp, ctx: OpContext): Promise<void> {
  const member = await author(ctx)
  const id = hex(op.federate)
  // a federation that was ended can still be disputed: the rewrite may have been its reason
  const fed = await ctx.tx.get<Federate>(keys.federate(id))
  if (fed === null) throw unknownFederate(id)
  const kind = verifyEvidence(op)
  const key = keys.dispute(id, disputeKey(op.witnessed, op.observed))
  if (await ctx.tx.get<DisputeRecord>(key) !== null) throw DiscoError.disputeRecorded(fed.name)
  await ctx.tx.put(key, {
    id: ctx.id, federate: id, kind, manifest: hex(op.manifest),
    witnessed: signedStateView(op.witnessed), observed: signedStateView(op.observed),
    prefix: op.prefix.map(nodeView), extension: op.extension.map(nodeView), by: member.id, at: ctx.time
  } satisfies DisputeRecord)
  await ctx.tx.put(keys.federate(id), { ...fed, disputes: fed.disputes + 1 } satisfies Federate)
}

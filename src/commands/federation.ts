import { getFederationRules, listDisputes, listFederates, resolveFederate } from '../consensus/federation-queries.js'
import type { DisputeRecord } from '../consensus/federation.js'
import { DiscoError } from '../errors.js'
import { evidenceToJson } from '../federation/evidence-file.js'
import type { EvidenceJson } from '../federation/evidence-file.js'
import { decodeFederationCode } from '../ledger/federation.js'
import { shortId } from '../ledger/ids.js'
import type { LedgerNode } from '../node/ledger-node.js'
import b4a from 'b4a'

/** A federate as `disco federation` shows it. */
export interface FederateView {
  id: string
  name: string
  trust: number
  stage: number
  since: number
  removed: boolean
  checkins: number
  lastCheckin: { length: number, at: number, by: string, op: string } | null
  /** the federate's signed length as this node holds it (null: nothing of it reached this node) */
  signedLength: number | null
  /** how far the federate's signed history is past the last check-in */
  behind: number | null
  disputes: number
}

export interface DisputeView {
  id: string
  shortId: string
  federate: string
  name: string
  kind: string
  at: number
  witnessedLength: number
  observedLength: number
}

export interface FederationOutput {
  /** this cooperative's own federation code */
  code: string
  /** days between check-ins */
  checkinDays: number
  federates: FederateView[]
  disputes: DisputeView[]
}

/** `disco federation`: federates, their check-ins, how far behind, trust and stage, disputes. */
export async function federation (node: LedgerNode, input: { removed?: boolean } = {}): Promise<FederationOutput> {
  const snap = node.snapshot()
  try {
    const feds = await listFederates(snap, { removed: input.removed === true })
    const names = new Map((await listFederates(snap, { removed: true })).map(f => [f.id, f.name]))
    const federates: FederateView[] = []
    for (const f of feds) {
      const head = f.removedAt === null ? await node.federation.head(f.id).catch(() => null) : null
      const last = f.lastCheckin
      federates.push({
        id: f.id,
        name: f.name,
        trust: f.trust,
        stage: f.stage,
        since: f.since,
        removed: f.removedAt !== null,
        checkins: f.checkins,
        lastCheckin: last === null ? null : { length: last.length, at: last.at, by: last.by, op: last.op },
        signedLength: head?.state.length ?? null,
        behind: head === null || last === null ? null : Math.max(0, head.state.length - last.length),
        disputes: f.disputes
      })
    }
    const disputes = (await listDisputes(snap)).map(d => disputeView(d, names.get(d.federate) ?? d.federate.slice(0, 8)))
    return { code: node.federation.code(), checkinDays: (await getFederationRules(snap)).days, federates, disputes }
  } finally {
    await snap.close()
  }
}

function disputeView (d: DisputeRecord, name: string): DisputeView {
  return { id: d.id, shortId: shortId(d.id), federate: d.federate, name, kind: d.kind, at: d.at, witnessedLength: d.witnessed.length, observedLength: d.observed.length }
}

/** `disco federation invite`: the code another cooperative proposes `disco federate add` with. */
export async function federationInvite (node: LedgerNode): Promise<{ code: string, key: string, topic: string }> {
  const code = node.federation.code()
  const { key, topic } = decodeFederationCode(code)
  return { code, key: b4a.toString(key, 'hex'), topic: b4a.toString(topic, 'hex') }
}

/** `disco federation --evidence <id>`: a recorded dispute's evidence, as a file for a third party. */
export async function federationEvidence (node: LedgerNode, input: { id: string }): Promise<{ evidence: EvidenceJson }> {
  const wanted = input.id.trim().toLowerCase()
  const snap = node.snapshot()
  try {
    const all = await listDisputes(snap)
    const matches = all.filter(d => d.id === wanted || shortId(d.id) === wanted || d.id.startsWith(wanted))
    if (matches.length !== 1) throw new DiscoError('DISPUTE_NOT_FOUND', matches.length === 0 ? `no dispute ${input.id} (disco federation lists them)` : `"${input.id}" names more than one dispute`)
    const d = matches[0] as DisputeRecord
    const fed = await resolveFederate(snap, d.federate, { removed: true }).catch(() => null)
    const bytes = (h: string): Uint8Array => b4a.from(h, 'hex')
    const state = (s: DisputeRecord['witnessed']): { length: number, fork: number, treeHash: Uint8Array, signature: Uint8Array } =>
      ({ length: s.length, fork: s.fork, treeHash: bytes(s.treeHash), signature: bytes(s.signature) })
    const nodes = (ns: DisputeRecord['prefix']): Array<{ index: number, size: number, hash: Uint8Array }> => ns.map(n => ({ index: n.index, size: n.size, hash: bytes(n.hash) }))
    return {
      evidence: evidenceToJson({
        federate: bytes(d.federate), manifest: bytes(d.manifest), witnessed: state(d.witnessed), observed: state(d.observed), prefix: nodes(d.prefix), extension: nodes(d.extension)
      }, fed?.name)
    }
  } finally {
    await snap.close()
  }
}


import b4a from 'b4a'
import crypto from 'hypercore-crypto'
import { DiscoError } from '../errors.js'
import { LIMITS } from './limits.js'
import { checkText } from './text.js'
import type { DisputeOp, SignedState, TreeNode } from './ops.js'

/**
 * Federation (docs/federation.md), the parts free of the stack: the rules of trust values, journey
 * stages and check-in periods, the federation code, and the one check that matters most: whether
 * two signed states of a federate's core prove that it rewrote its past. Everything here is pure,
 * so apply can run it on what peers send.
 */

/** Trust values run 0-100. */
export const MAX_TRUST = 100
/** The DisCO journey of growing trust between cooperatives has seven stages; the ledger numbers
 * them 1-7 (what each stage means is the federation's to agree). */
export const JOURNEY_STAGES = 7
/** Check-ins every 7 days until a `checkins` proposal says otherwise. */
export const DEFAULT_CHECKIN_DAYS = 7
export const MAX_CHECKIN_DAYS = 366
const DAY_MS = 86_400_000

export function checkFederateName (name: string): void {
  checkText('federate name', name, LIMITS.federateName, { required: true })
  if (name.trim() !== name) throw DiscoError.invalidField('federate name', 'edge-spaces')
}

/** A contribution's `forCoop`: a federate's id, 64 hex (the CLI resolves a name to it). */
export function checkForCoop (id: string): void {
  if (typeof id !== 'string' || !/^[0-9a-f]{64}$/.test(id)) throw DiscoError.invalidField('forCoop', 'federate-id')
}

export function checkTrust (value: number, stage: number): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_TRUST) throw DiscoError.invalidField('trust', 'trust', { max: MAX_TRUST })
  if (!Number.isSafeInteger(stage) || stage < 1 || stage > JOURNEY_STAGES) throw DiscoError.invalidField('stage', 'stage', { max: JOURNEY_STAGES })
}

export function checkCheckinDays (days: number): void {
  if (!Number.isSafeInteger(days) || days < 1 || days > MAX_CHECKIN_DAYS) throw DiscoError.invalidField('days', 'days', { max: MAX_CHECKIN_DAYS })
}

export function checkManifestBytes (manifest: Uint8Array): void {
  if (manifest.byteLength === 0 || manifest.byteLength > LIMITS.manifest) throw DiscoError.invalidField('manifest', 'manifest-size', { max: LIMITS.manifest })
}

export function checkTreeNodes (what: string, nodes: TreeNode[]): void {
  if (nodes.length > LIMITS.treeNodes) throw DiscoError.invalidField(what, 'merkle-too-many', { max: LIMITS.treeNodes })
  for (const n of nodes) {
    if (!Number.isSafeInteger(n.index) || n.index < 0 || !Number.isSafeInteger(n.size) || n.size < 0) throw DiscoError.invalidField(what, 'merkle-node')
  }
}

export function checkSignedState (what: string, s: SignedState): void {
  if (!Number.isSafeInteger(s.length) || s.length < 1) throw DiscoError.invalidField(what, 'signed-length')
  if (!Number.isSafeInteger(s.fork) || s.fork < 0) throw DiscoError.invalidField(what, 'fork-id')
  if (s.signature.byteLength === 0 || s.signature.byteLength > LIMITS.signature) throw DiscoError.invalidField(what, 'signature-size', { max: LIMITS.signature })
}

/** The check-in period a time falls in: whole periods of `days` since 1970-01-01 (UTC). */
export function checkinPeriod (time: number, days: number): number {
  return Math.floor(time / (days * DAY_MS))
}

/** The first day of a period, as ms since the epoch. */
export function periodStart (period: number, days: number): number {
  return period * days * DAY_MS
}

// --- evidence ------------------------------------------------------------------------------------

export type EvidenceKind = 'fork' | 'truncation' | 'rewrite'

/** What a dispute carries: two signed states of the federate's core, and a merkle proof when needed. */
export type Evidence = Omit<DisputeOp, 'type'>

/**
 * What two signed states prove, or a DiscoError saying why they prove nothing:
 * - `fork`: two different tree hashes signed at the same length: two histories;
 * - `truncation`: a shorter history signed under a later fork id than a longer one: the federate
 *   cut its signed past and wrote on from there (hypercore raises the fork id only on truncation);
 * - `rewrite`: a longer signed history whose merkle roots at the witnessed length (`prefix`, tied
 *   to its signature by `extension`) hash to another tree than the witnessed one.
 *
 * This is the rule alone: the caller has checked that both states are signed by the federate (whose
 * manifest hashes to its key), and `proofHolds` says whether the prefix and extension lead to the
 * observed signed state (hypercore's merkle check, through src/stack); it is asked only for a
 * rewrite. consensus/federate-signatures.ts `verifyEvidence` does all of it.
 */
export function evidenceKind (e: Evidence, proofHolds: () => boolean): EvidenceKind {
  const [short, long] = e.witnessed.length <= e.observed.length ? [e.witnessed, e.observed] : [e.observed, e.witnessed]
  if (short.length === long.length) {
    if (!b4a.equals(short.treeHash, long.treeHash)) return 'fork'
    throw DiscoError.invalidEvidence('same-history')
  }
  if (short.fork > long.fork) return 'truncation'
  if (e.prefix.length > 0 && e.witnessed.length < e.observed.length) {
    if (!proofHolds()) throw DiscoError.invalidEvidence('proof-mismatch')
    if (!b4a.equals(crypto.tree(e.prefix), e.witnessed.treeHash)) return 'rewrite'
    throw DiscoError.invalidEvidence('extends')
  }
  throw DiscoError.invalidEvidence('one-history')
}

// --- the federation code -------------------------------------------------------------------------

/** `disco federation invite` prints this: a version, the signed core's key and the swarm topic
 * where the cooperative is found, in hex. Not a secret: it lets a federate witness, not read. */
const CODE_PREFIX = 'disco-federation-v1'

export interface FederationCode { key: Uint8Array, topic: Uint8Array }

export function encodeFederationCode (c: FederationCode): string {
  return `${CODE_PREFIX}:${b4a.toString(c.key, 'hex')}:${b4a.toString(c.topic, 'hex')}`
}

export function decodeFederationCode (text: string): FederationCode {
  const m = /^disco-federation-v(\d+):([0-9a-f]{64}):([0-9a-f]{64})$/.exec(text.trim().toLowerCase())
  if (m === null) throw DiscoError.invalidArgument(`not a federation code: expected ${CODE_PREFIX}:<64 hex>:<64 hex> (disco federation invite prints one)`)
  if (m[1] !== '1') throw DiscoError.invalidArgument(`federation code version ${m[1] ?? ''} is newer than this node knows (1)`)
  return { key: b4a.from(m[2] as string, 'hex'), topic: b4a.from(m[3] as string, 'hex') }
}

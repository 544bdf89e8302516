import BlindPairing from 'blind-pairing'
import crypto from 'hypercore-crypto'
import b4a from 'b4a'
import type Hyperswarm from 'hyperswarm'
import type { Member, MemberRequest, PairingResult } from 'blind-pairing'
import { DiscoError } from '../errors.js'
import { ADMIT_PROOF_BYTES, admitProof } from '../ledger/admission.js'
import { isMirrorKey } from '../ledger/mirrors.js'
import { LIMITS } from '../ledger/limits.js'

/**
 * Invites over blind-pairing, as the reference app autopass does them. An invite code is the
 * blind-pairing invite (a seed and the ledger's discovery key), base64url: whoever holds it can ask
 * to join, once, before it expires. This file only moves requests and answers; deciding whether
 * to admit is the node's (it reads the ledger).
 */
export interface NewInvite {
  /** what the inviter hands over: secret, single use */
  code: string
  id: Uint8Array
  publicKey: Uint8Array
  /** the invite's key pair seed (the code's secret): kept by the inviting node, to sign a hint */
  seed: Uint8Array
  expires: number
}

export function createInvite (ledgerKey: Uint8Array, expires: number): NewInvite {
  const inv = BlindPairing.createInvite(ledgerKey, { expires })
  return { code: Buffer.from(inv.invite).toString('base64url'), id: inv.id, publicKey: inv.publicKey, seed: inv.seed, expires }
}

/**
 * Data an answer carries besides the keys (blind-pairing's `additional`), signed with the invite's
 * key pair: the joiner's blind-pairing checks the signature against the invite's public key, so only
 * a node holding the invite's seed can add it. Here it is the ledger's system core key, so that the
 * joiner can fast-forward (docs/architecture.md, "Network and invites").
 */
export interface SignedHint {
  data: Uint8Array
  signature: Uint8Array
}

/**
 * Sign `data` with the invite's key pair, or null when `seed` is not that invite's (a damaged seed
 * file): the joiner's blind-pairing refuses a whole answer whose hint does not verify, so a node
 * sends none rather than a bad one.
 */
export function signHint (seed: Uint8Array, invitePublicKey: Uint8Array, data: Uint8Array): SignedHint | null {
  const { publicKey, secretKey } = crypto.keyPair(seed)
  if (!b4a.equals(publicKey, invitePublicKey)) return null
  return { data, signature: crypto.sign(data, secretKey) }
}

/**
 * The system core key a hint names, or null: a hint of any other shape is ignored, not an error.
 * A hint is the system core key, then the keys of the cooperative's mirrors if it has any (32
 * bytes each): a joiner fetches the ledger from them too, before its own copy names them.
 */
export function systemKeyOfHint (data: Uint8Array | null | undefined): Uint8Array | null {
  if (!isHint(data)) return null
  return data.byteLength === 32 ? data : data.subarray(0, 32)
}

/** The mirror keys (hex) a hint names after the system core key: [] for none or a bad hint. */
export function mirrorsOfHint (data: Uint8Array | null | undefined): string[] {
  if (!isHint(data)) return []
  const keys: string[] = []
  for (let at = 32; at < data.byteLength && keys.length < LIMITS.mirrors; at += 32) {
    const key = data.subarray(at, at + 32)
    if (isMirrorKey(key)) keys.push(b4a.toString(key, 'hex'))
  }
  return keys
}

function isHint (data: Uint8Array | null | undefined): data is Uint8Array {
  return data !== null && data !== undefined && data.byteLength >= 32 && data.byteLength % 32 === 0
}

export interface DecodedInvite {
  invite: Buffer
  id: Buffer
  /** the code's secret: the seed of the invite's key pair */
  seed: Buffer
  discoveryKey: Buffer
  expires: number
}

/** A code that does not decode (mistyped, cut short, tampered) is refused before any network. */
export function decodeInviteCode (code: string): DecodedInvite {
  const text = code.trim()
  if (!/^[A-Za-z0-9_-]{40,400}$/.test(text)) throw invalidCode()
  const invite = Buffer.from(text, 'base64url')
  if (invite.toString('base64url') !== text) throw invalidCode()
  try {
    const d = BlindPairing.decodeInvite(invite)
    return { invite, id: d.id, seed: d.seed, discoveryKey: d.discoveryKey, expires: d.expires }
  } catch {
    throw invalidCode()
  }
}

function invalidCode (): DiscoError {
  return new DiscoError('INVALID_INVITE', 'that is not a valid invite code: copy it again, whole')
}

/** What the node decides for one request. */
export type InviteAnswer =
  | { admit: true, key: Uint8Array, encryptionKey: Uint8Array, hint?: SignedHint }
  | { admit: false, status: 1 | 2 | 3 }
  | { admit: null } // not ours to answer (yet): another node may know the invite

export interface InviteRequest {
  inviteId: Uint8Array
  /** check the request's signature against the invite's public key; returns what the joiner sent:
   * its writer key, then its admission proof (joinRequestData) */
  open: (publicKey: Uint8Array) => Uint8Array
}

/**
 * What a joiner sends with its request (blind-pairing's user data): its writer key, and its proof
 * that it holds the invite code, made for that key (ledger/admission.ts), which the answering node
 * puts in the `admit` op for apply to check.
 */
export function joinRequestData (code: string, writerKey: Uint8Array): Uint8Array {
  const { seed, id } = decodeInviteCode(code)
  return b4a.concat([writerKey, admitProof(seed, id, writerKey)])
}

/** The writer key and proof in a joiner's request, or null when it has another shape. */
export function parseJoinRequest (data: Uint8Array): { writer: Uint8Array, proof: Uint8Array } | null {
  if (data.byteLength !== 32 + ADMIT_PROOF_BYTES) return null
  return { writer: data.subarray(0, 32), proof: data.subarray(32) }
}

/** Answers invites for one ledger on a swarm, for as long as the node runs. */
export class InviteResponder {
  private readonly pairing: BlindPairing
  private readonly member: Member

  constructor (swarm: Hyperswarm, discoveryKey: Uint8Array, decide: (req: InviteRequest) => Promise<InviteAnswer>) {
    this.pairing = new BlindPairing(swarm)
    this.member = this.pairing.addMember({
      discoveryKey,
      onadd: async (request: MemberRequest) => {
        const answer = await decide({
          inviteId: request.inviteId,
          open: publicKey => request.open(publicKey)
        })
        if (answer.admit === true) request.confirm({ key: answer.key, encryptionKey: answer.encryptionKey, additional: answer.hint ?? null })
        else if (answer.admit === false) request.deny({ status: answer.status })
      }
    })
  }

  async close (): Promise<void> {
    await this.member.close()
    await this.pairing.close()
  }
}

/** The joiner's side: ask with the code, wait for a member's node to answer. */
export async function requestToJoin (swarm: Hyperswarm, code: string, writerKey: Uint8Array, timeoutMs: number): Promise<PairingResult> {
  const { invite } = decodeInviteCode(code)
  const pairing = new BlindPairing(swarm)
  let timer: NodeJS.Timeout | undefined
  try {
    return await new Promise<PairingResult>((resolve, reject) => {
      const candidate = pairing.addCandidate({
        invite,
        userData: joinRequestData(code, writerKey),
        onadd: async result => { resolve(result) }
      })
      // Without this, a refused joiner would retry forever (docs/DESIGN.md, "The stack").
      candidate.request.on('rejected', err => { reject(refusal(err.code)) })
      timer = setTimeout(() => {
        reject(new DiscoError('JOIN_TIMEOUT', `no member's node answered within ${Math.round(timeoutMs / 1000)} s: ` +
          'check the code, and that a member runs "disco start"', 'state'))
      }, timeoutMs)
    })
  } finally {
    clearTimeout(timer)
    await pairing.close()
  }
}

function refusal (code: string | undefined): DiscoError {
  if (code === 'INVITE_USED') return DiscoError.inviteUsed()
  if (code === 'INVITE_EXPIRED') return DiscoError.inviteExpired()
  return new DiscoError('INVITE_REFUSED', 'the cooperative refused this invite', 'state')
}

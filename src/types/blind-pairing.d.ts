// The parts of blind-pairing 2 this project uses (invites, as autopass does them).
declare module 'blind-pairing' {
  import type { EventEmitter } from 'node:events'
  import type Hyperswarm from 'hyperswarm'

  export interface CreatedInvite {
    id: Buffer
    /** what the joiner needs: encodes the seed and the discovery key; secret */
    invite: Buffer
    publicKey: Buffer
    /** the invite key pair's seed: what the invite encodes; secret */
    seed: Buffer
    expires: number
  }

  /** data an answer carries, signed with the invite's key pair (checked by the joiner's side) */
  export interface AdditionalData { data: Uint8Array, signature: Uint8Array }

  export interface MemberRequest {
    inviteId: Buffer
    userData: Buffer | null
    open (publicKey: Uint8Array): Buffer
    confirm (result: { key: Uint8Array, encryptionKey: Uint8Array | null, additional?: AdditionalData | null }): void
    /** status 1: rejected, 2: invite used, 3: invite expired */
    deny (opts?: { status?: 1 | 2 | 3 }): void
  }

  export interface CandidateRequest extends EventEmitter {
    inviteId: Buffer
    on (event: 'rejected', listener: (err: Error & { code?: string }) => void): this
  }

  /** `data`: the answer's additional data, its signature already checked; null when there was none */
  export interface PairingResult { key: Buffer, encryptionKey: Buffer | null, data: Buffer | null }

  export interface Member { close (): Promise<void>, flushed (): Promise<void> }
  export interface Candidate { request: CandidateRequest, close (): Promise<void>, paired: PairingResult | null }

  export default class BlindPairing {
    constructor (swarm: Hyperswarm, opts?: { poll?: number })
    static createInvite (key: Uint8Array, opts?: { expires?: number }): CreatedInvite
    static decodeInvite (invite: Uint8Array): { id: Buffer, seed: Buffer, discoveryKey: Buffer, expires: number }
    addMember (opts: { discoveryKey: Uint8Array, onadd: (request: MemberRequest) => Promise<void> }): Member
    addCandidate (opts: { invite: Uint8Array, userData: Uint8Array, onadd: (result: PairingResult) => Promise<void> }): Candidate
    close (): Promise<void>
  }
}

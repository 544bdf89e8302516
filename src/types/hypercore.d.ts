// The parts of hypercore 11 this project uses (the package ships no types).
declare module 'hypercore' {
  import type { EventEmitter } from 'node:events'

  export interface HypercoreGetOptions { wait?: boolean, timeout?: number, /** the block as stored (still encrypted) */ raw?: boolean }

  /** A Merkle proof as `proof()` makes it; only passed back to `verifyFullyRemote`. */
  export interface HypercoreProof { upgrade: { length: number, signature: Buffer } | null }

  /** What `audit` found: tree nodes and blocks that do not hash to their parents/leaves are dropped ones. */
  export interface AuditStats {
    treeNodes: number
    blocks: number
    droppedTreeNodes: number
    droppedBlocks: number
    corrupt: boolean
  }

  /** a set of writes flushed to storage together (hypercore-storage's atom) */
  export interface HypercoreAtom { flush (): Promise<void> }

  export default class Hypercore extends EventEmitter {
    readonly key: Buffer
    readonly discoveryKey: Buffer
    readonly id: string
    readonly length: number
    readonly signedLength: number
    /** how much of this core, from its start, some peer is known to hold ('remote-contiguous-length' when it grows) */
    readonly remoteContiguousLength: number
    /** how much of this core, from its start, this node holds */
    readonly contiguousLength: number
    /** bumped on every truncation */
    readonly fork: number
    readonly writable: boolean
    /** how many times this core was truncated */
    readonly fork: number
    /** who signs it (hypercore's decoded manifest), once known */
    readonly manifest: import('hypercore/lib/verifier.js').Manifest | null
    /** a writable core's key pair */
    readonly keyPair: { publicKey: Buffer, secretKey: Buffer } | null
    /** the session's tree state: the signature of its current length */
    readonly state: { signature: Buffer | null } | null
    readonly opened: boolean
    readonly closed: boolean
    ready (): Promise<void>
    close (): Promise<void>
    /** another handle on the core: by default the same blocks and length; a `name`d session is a
     * branch of its own, and an `atom` session keeps its writes until the atom is flushed (autobase's views) */
    session (opts?: { name?: string, writable?: boolean, atom?: HypercoreAtom }): Hypercore
    /** a session opened with a valueEncoding gets decoded values: say which with T */
    get<T = Buffer> (index: number, opts?: HypercoreGetOptions): Promise<T | null>
    append (block: Buffer | Buffer[]): Promise<{ length: number, byteLength: number }>
    truncate (length: number): Promise<void>
    update (opts?: { wait?: boolean }): Promise<boolean>
    /** fetch a range of blocks (end -1: all, and what is appended later) */
    download (range?: { start?: number, end?: number }): { done (): Promise<void>, destroy (): void }
    treeHash (length?: number): Promise<Buffer>
    has (start: number, end?: number): Promise<boolean>
    /** a proof of the tree (and, with `upgrade`, of its signed roots) from this core's own storage */
    proof (opts: { upgrade: { start: number, length: number } }): Promise<HypercoreProof>
    /** check a proof as a peer that knows only the key would: throws INVALID_SIGNATURE on a bad one */
    verifyFullyRemote (proof: HypercoreProof): Promise<unknown>
    /** the session's shared core (hypercore's internals): `audit` re-hashes the stored tree and blocks */
    readonly core: { audit (opts: { dryRun: true }): Promise<AuditStats | null> }
    getUserData (key: string): Promise<Buffer | null>
    /** fetch a range of blocks from peers (end exclusive); `done()` resolves when all are local */
    download (range?: { start?: number, end?: number }): { done: () => Promise<void>, destroy: () => void }
  }
}

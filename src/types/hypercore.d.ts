// The public parts of hypercore 11 this project uses (the package ships no types). Its internals
// (the session state, the shared core, lib/*) are declared only in src/stack/internals.d.ts and used only
// there, behind the fence (docs/stack.md).
declare module 'hypercore' {
  import type { EventEmitter } from 'node:events'

  export interface HypercoreGetOptions { wait?: boolean, timeout?: number, /** the block as stored (still encrypted) */ raw?: boolean }

  /** A Merkle proof as `proof()` makes it; only passed back to `verifyFullyRemote`. */
  export interface HypercoreProof { upgrade: { length: number, signature: Buffer } | null }

  /** a set of writes flushed to storage together (hypercore-storage's atom) */
  export interface HypercoreAtom { flush (): Promise<void> }

  /** Who signs a core (hypercore's decoded manifest, as `core.manifest` and `store.get({ manifest })`
   * have it). Only the fields this project reads; src/stack/signatures.ts decodes and checks them. */
  export interface HypercoreManifest {
    version: number
    quorum: number
    signers: Array<{ publicKey: Uint8Array }>
    /** the first blocks fixed when the core was made (an autobase system core has one) */
    prologue: { length: number, hash: Uint8Array } | null
  }

  /** a hypercore-storage instance: corestore's constructor takes one instead of a folder */
  export interface HypercoreStorage { readonly closed: boolean, close (): Promise<void> }

  export default class Hypercore extends EventEmitter {
    /** a core's key from its manifest (normalised first; src/stack/signatures.ts says why apply does not use it) */
    static key (manifest: HypercoreManifest | Uint8Array): Buffer
    /** the storage (hypercore-storage) in a folder; its options reach RocksDB (src/stack/storage.ts) */
    static defaultStorage (dir: string, opts?: { writeBufferSize?: number }): HypercoreStorage
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
    readonly manifest: HypercoreManifest | null
    /** the manifest; `raw`: encoded, as a peer receives it */
    getManifest (opts: { raw: true }): Buffer | null
    /** a writable core's key pair */
    readonly keyPair: { publicKey: Buffer, secretKey: Buffer } | null
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
    getUserData (key: string): Promise<Buffer | null>
    /** fetch a range of blocks from peers (end exclusive); `done()` resolves when all are local */
    download (range?: { start?: number, end?: number }): { done: () => Promise<void>, destroy: () => void }
  }
}

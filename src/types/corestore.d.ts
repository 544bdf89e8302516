// The parts of corestore 7 this project uses.
declare module 'corestore' {
  import type Hypercore from 'hypercore'
  import type { Duplex } from 'node:stream'

  export interface CorestoreOptions {
    readOnly?: boolean
    unsafe?: boolean
    /** the seed of every named core's key pair (the store's own, when absent); needs unsafe */
    primaryKey?: Uint8Array
    /** one cache for every core the store opens: hyperbee keeps its decoded tree nodes and keys
     * in caches made from it (corestore 7 index.js, hyperbee 2 `_open`); a rache */
    globalCache?: import('rache').default
  }
  export interface GetOptions {
    name?: string
    key?: Buffer | Uint8Array
    /** a name, or an encoding object such as autobase's OplogMessage */
    valueEncoding?: string | object
    exclusive?: boolean
    active?: boolean
    compat?: boolean
    writable?: boolean
    /** an encryption provider, as autobase hands out (`getWriterEncryption`) */
    encryption?: unknown
    keyPair?: { publicKey: Uint8Array, secretKey: Uint8Array }
    manifest?: import('hypercore').HypercoreManifest
  }

  export default class Corestore {
    constructor (storage: string | import('hypercore').HypercoreStorage, opts?: CorestoreOptions)
    readonly opened: boolean
    readonly closed: boolean
    /** the seed of its named cores' key pairs (set once ready) */
    readonly primaryKey: Buffer
    ready (): Promise<void>
    close (): Promise<void>
    get (opts: GetOptions | Buffer | Uint8Array): Hypercore
    session (opts?: object): Corestore
    namespace (name: string): Corestore
    replicate (isInitiator: boolean | Duplex, opts?: object): Duplex
    /** the hypercore-storage instance it runs on (corestore's constructor takes one); autobase
     * writes its views through an atom made here (hypercore-storage's documented `createAtom`).
     * Its RocksDB handle is an internal: src/stack/storage.ts. */
    readonly storage: { createAtom (): import('hypercore').HypercoreAtom }
  }
}

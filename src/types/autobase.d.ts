// The parts of autobase 7 this project uses.
declare module 'autobase' {
  import type { EventEmitter } from 'node:events'
  import type Corestore from 'corestore'
  import type Hypercore from 'hypercore'
  import type { Duplex } from 'node:stream'

  /** One linearised block handed to apply. `length` is the writer core's length after it. */
  export interface ApplyNode {
    from: Hypercore
    length: number
    value: Buffer
    indexed: boolean
  }

  export interface AutoStore {
    get (name: string | { name: string, valueEncoding?: string }): Hypercore
  }

  export interface HostCalls {
    addWriter (key: Uint8Array, opts?: { indexer?: boolean }): Promise<void>
    removeWriter (key: Uint8Array): Promise<void>
    removeable (key: Uint8Array): boolean
    interrupt (reason?: string): void
  }

  export interface AutobaseOptions<V> {
    open: (store: AutoStore) => V
    apply: (nodes: ApplyNode[], view: V, host: HostCalls) => Promise<void>
    close?: (view: V) => Promise<void>
    valueEncoding?: 'binary'
    ackInterval?: number
    encrypt?: boolean
    encryptionKey?: Uint8Array
    encrypted?: boolean
    optimistic?: boolean
    /** false: never; { key }: also try, once at open, the system core of that key (unverified) */
    fastForward?: boolean | { key: Uint8Array }
  }

  export default class Autobase<V = unknown> extends EventEmitter {
    constructor (store: Corestore, bootstrap: Uint8Array | null, opts: AutobaseOptions<V>)
    static getLocalKey (store: Corestore): Promise<Buffer>
    readonly key: Buffer
    readonly discoveryKey: Buffer
    readonly local: Hypercore
    readonly core: Hypercore
    /** the corestore it was given */
    readonly store: Corestore
    readonly view: V
    readonly writable: boolean
    readonly isIndexer: boolean
    readonly length: number
    readonly signedLength: number
    readonly encryptionKey: Buffer | null
    readonly store: Corestore
    /** what decrypts the writers' cores (null when the ledger is not encrypted) */
    getWriterEncryption (): unknown
    readonly opened: boolean
    readonly closed: boolean
    ready (): Promise<void>
    close (): Promise<void>
    /** resolves to the local writer core's length after the value(s) */
    append (value: Uint8Array | Uint8Array[] | null): Promise<number>
    update (): Promise<void>
    ack (bg?: boolean): Promise<void>
    hash (): Promise<Buffer>
    replicate (isInitiator: boolean | Duplex, opts?: object): Duplex
  }
}

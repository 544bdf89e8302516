// The parts of hypercore 11 this project uses (the package ships no types).
declare module 'hypercore' {
  import type { EventEmitter } from 'node:events'

  export interface HypercoreGetOptions { wait?: boolean, timeout?: number, /** the block as stored (still encrypted) */ raw?: boolean }

  export default class Hypercore extends EventEmitter {
    readonly key: Buffer
    readonly discoveryKey: Buffer
    readonly id: string
    readonly length: number
    readonly signedLength: number
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
    get (index: number, opts?: HypercoreGetOptions): Promise<Buffer | null>
    append (block: Buffer | Buffer[]): Promise<{ length: number, byteLength: number }>
    truncate (length: number): Promise<void>
    update (opts?: { wait?: boolean }): Promise<boolean>
    /** fetch a range of blocks (end -1: all, and what is appended later) */
    download (range?: { start?: number, end?: number }): { done (): Promise<void>, destroy (): void }
    treeHash (length?: number): Promise<Buffer>
    verifyFullyRemote? (): Promise<void>
    getUserData (key: string): Promise<Buffer | null>
  }
}

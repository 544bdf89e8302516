// The parts of hypercore 11 this project uses (the package ships no types).
declare module 'hypercore' {
  import type { EventEmitter } from 'node:events'

  export interface HypercoreGetOptions { wait?: boolean, timeout?: number }

  export default class Hypercore extends EventEmitter {
    readonly key: Buffer
    readonly discoveryKey: Buffer
    readonly id: string
    readonly length: number
    readonly signedLength: number
    /** bumped on every truncation */
    readonly fork: number
    readonly writable: boolean
    readonly opened: boolean
    readonly closed: boolean
    ready (): Promise<void>
    close (): Promise<void>
    get (index: number, opts?: HypercoreGetOptions): Promise<Buffer | null>
    append (block: Buffer | Buffer[]): Promise<{ length: number, byteLength: number }>
    truncate (length: number): Promise<void>
    update (opts?: { wait?: boolean }): Promise<boolean>
    treeHash (length?: number): Promise<Buffer>
    verifyFullyRemote? (): Promise<void>
    getUserData (key: string): Promise<Buffer | null>
    /** fetch a range of blocks from peers (end exclusive); `done()` resolves when all are local */
    download (range?: { start?: number, end?: number }): { done: () => Promise<void>, destroy: () => void }
  }
}

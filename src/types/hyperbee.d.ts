// The parts of hyperbee 2 this project uses: the view is a bee with utf-8 keys and binary values.
declare module 'hyperbee' {
  import type Hypercore from 'hypercore'

  export interface HyperbeeOptions {
    keyEncoding?: 'utf-8' | 'binary'
    valueEncoding?: 'binary' | 'json' | 'utf-8'
    extension?: boolean
  }
  export interface BeeNode { seq: number, key: string, value: Buffer }
  export interface RangeOptions { gt?: string, gte?: string, lt?: string, lte?: string, limit?: number, reverse?: boolean }

  export interface BeeReader {
    /** `wait: false`: fail instead of waiting for a block that is not stored here yet */
    get (key: string, opts?: { wait?: boolean, timeout?: number }): Promise<BeeNode | null>
    createReadStream (range?: RangeOptions): AsyncIterable<BeeNode>
  }

  export interface BeeBatch extends BeeReader {
    put (key: string, value: Uint8Array): Promise<void>
    del (key: string): Promise<void>
    flush (): Promise<void>
    close (): Promise<void>
  }

  export default class Hyperbee implements BeeReader {
    constructor (core: Hypercore, opts?: HyperbeeOptions)
    readonly core: Hypercore
    readonly version: number
    ready (): Promise<void>
    close (): Promise<void>
    get (key: string, opts?: { wait?: boolean, timeout?: number }): Promise<BeeNode | null>
    put (key: string, value: Uint8Array): Promise<void>
    del (key: string): Promise<void>
    batch (opts?: { update?: boolean }): BeeBatch
    snapshot (): Hyperbee
    createReadStream (range?: RangeOptions): AsyncIterable<BeeNode>
  }
}

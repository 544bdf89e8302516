// The parts of blind-peer 3 and blind-peering 2 this project uses (src/mirror).
declare module 'blind-peer' {
  import type { EventEmitter } from 'node:events'
  import type Hyperswarm from 'hyperswarm'
  import type Corestore from 'corestore'

  export interface BlindPeerDigest { cores: number, bytesAllocated: number }
  export interface BlindPeerOptions {
    swarm?: Hyperswarm
    /** the size cap: past it, blind-peer clears the oldest cores' blocks */
    maxBytes?: number
    enableGc?: boolean
  }
  export default class BlindPeer extends EventEmitter {
    constructor (storage: string, opts?: BlindPeerOptions)
    readonly store: Corestore
    readonly swarm: Hyperswarm
    readonly digest: BlindPeerDigest
    readonly maxBytes: number
    readonly publicKey: Buffer
    readonly stats: { coresAdded: number, activations: number, bytesGcd: number, addCoresRx: number }
    needsGc (): boolean
    flush (): Promise<void>
    ready (): Promise<void>
    listen (): Promise<void>
    close (): Promise<void>
  }
}

declare module 'blind-peering' {
  import type HyperDHT from 'hyperdht'
  import type Corestore from 'corestore'
  import type Autobase from 'autobase'

  export interface BlindPeerClient {
    connected: boolean
    remotePublicKey: Buffer
    destroy (): void
  }
  export default class BlindPeering {
    constructor (dht: HyperDHT, store: Corestore, opts: { keys: Array<string | Uint8Array>, wakeup?: unknown, pick?: number })
    readonly blindPeers: Map<string, BlindPeerClient>
    keys: Buffer[]
    setKeys (keys: Array<string | Uint8Array>): void
    addAutobase (base: Autobase<any>, opts?: { pick?: number }): Promise<void>
    addAutobaseBackground (base: Autobase<any>, opts?: { pick?: number }): void
    close (): Promise<void>
  }
}

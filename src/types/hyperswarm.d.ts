// The parts of hyperswarm 4 and hyperdht 6 this project uses.
declare module 'hyperdht' {
  import type { EventEmitter } from 'node:events'
  export interface BootstrapNode { host: string, port: number }
  export interface DHTOptions { bootstrap?: Array<BootstrapNode | string>, host?: string, port?: number, ephemeral?: boolean, firewalled?: boolean }
  export default class HyperDHT extends EventEmitter {
    constructor (opts?: DHTOptions)
    static bootstrapper (port: number, host: string, opts?: DHTOptions): HyperDHT
    ready (): Promise<void>
    fullyBootstrapped (): Promise<void>
    address (): { host: string, port: number }
    destroy (): Promise<void>
  }
}

declare module 'hyperswarm' {
  import type { EventEmitter } from 'node:events'
  import type { Duplex } from 'node:stream'
  import type HyperDHT from 'hyperdht'
  import type { BootstrapNode } from 'hyperdht'

  export interface PeerDiscovery {
    flushed (): Promise<void>
    refresh (opts?: { client?: boolean, server?: boolean }): Promise<void>
    destroy (): Promise<void>
  }

  export interface SwarmConnection extends Duplex {
    remotePublicKey: Buffer
  }

  export default class Hyperswarm extends EventEmitter {
    constructor (opts?: { dht?: HyperDHT, bootstrap?: BootstrapNode[], keyPair?: { publicKey: Buffer, secretKey: Buffer } })
    readonly dht: HyperDHT
    readonly connections: Set<SwarmConnection>
    join (topic: Uint8Array, opts?: { client?: boolean, server?: boolean }): PeerDiscovery
    leave (topic: Uint8Array): Promise<void>
    /** keep a connection to this peer (its noise public key), whatever the topics */
    joinPeer (publicKey: Uint8Array): void
    flush (): Promise<void>
    destroy (): Promise<void>
    on (event: 'connection', listener: (conn: SwarmConnection, info: unknown) => void): this
    on (event: 'update', listener: () => void): this
  }
}

// hyperdht's testnet helper (a loopback DHT), for the benches and tests only: shipped code builds
// its own from hyperdht's public API (src/demo/stage.ts).
declare module 'hyperdht/testnet.js' {
  import type HyperDHT from 'hyperdht'
  import type { BootstrapNode } from 'hyperdht'
  export interface Testnet {
    nodes: HyperDHT[]
    bootstrap: BootstrapNode[]
    destroy (): Promise<void>
  }
  export default function createTestnet (size?: number, opts?: { host?: string, port?: number, teardown?: (fn: () => Promise<void>) => void }): Promise<Testnet>
}

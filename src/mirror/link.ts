import b4a from 'b4a'
import BlindPeering from 'blind-peering'
import type HyperDHT from 'hyperdht'
import type Corestore from 'corestore'
import type Autobase from 'autobase'
import type Hyperbee from 'hyperbee'
import type Hypercore from 'hypercore'

/** What `disco status` shows of one mirror. */
export interface MirrorState {
  /** the mirror's key (hex) */
  key: string
  /** whether this node holds a connection to it now */
  reached: boolean
  /**
   * blocks of the ledger's cores this node holds that the mirror has not told it it holds:
   * 0 when the mirror keeps all this node knows; null when it has not been reached
   */
  behind: number | null
}

interface Peer { remotePublicKey: Uint8Array | null, remoteContiguousLength: number }

/**
 * A node's side of its cooperative's mirrors (always-on blind peers, src/mirror/service.ts): asks
 * each to keep the ledger through Holepunch's blind-peering client, which connects to the mirror,
 * sends it the keys and lengths of the autobase's cores (this device's log, the writers' logs, the
 * view and system core) and replicates the corestore over that connection. So the node both hands
 * its blocks to the mirror and fetches what the mirror holds, like from any peer. The mirror gets
 * core keys and encrypted blocks; never the ledger's encryption key, which nothing here sends.
 */
export class MirrorLink {
  private readonly peering: BlindPeering
  private keys: string[] = []

  constructor (dht: HyperDHT, store: Corestore, private readonly base: Autobase<Hyperbee>) {
    // autobase's own wakeup protocol: a mirror tells the node on it which writers' logs grew
    const wakeup = (base as unknown as { wakeupProtocol: unknown }).wakeupProtocol
    this.peering = new BlindPeering(dht, store, { keys: [], wakeup })
  }

  /** The mirrors the ledger names now (hex keys); asks each new one to keep the ledger. */
  use (keys: string[]): void {
    const fresh = keys.filter(k => !this.keys.includes(k))
    this.keys = [...keys]
    this.peering.setKeys(keys)
    if (fresh.length === 0) return
    // every mirror, not the closest two of them: each is a separate home for the whole ledger
    this.peering.addAutobaseBackground(this.base, { pick: keys.length })
  }

  get mirrorKeys (): readonly string[] { return this.keys }

  /** Whether a connection to each mirror is up, and how far behind this node's copy it is. */
  states (cores: Hypercore[]): MirrorState[] {
    return this.keys.map(key => {
      const client = this.peering.blindPeers.get(key)
      const reached = client?.connected === true
      if (!reached) return { key, reached, behind: null }
      let behind = 0
      for (const core of cores) {
        const peer = (core as unknown as { peers: Peer[] }).peers.find(p => p.remotePublicKey !== null && b4a.toString(p.remotePublicKey, 'hex') === key)
        behind += Math.max(0, core.length - (peer?.remoteContiguousLength ?? 0))
      }
      return { key, reached, behind }
    })
  }

  async close (): Promise<void> {
    await this.peering.close()
  }
}

import b4a from 'b4a'
import BlindPeering from 'blind-peering'
import type HyperDHT from 'hyperdht'
import type Corestore from 'corestore'
import type Autobase from 'autobase'
import type Hyperbee from 'hyperbee'
import type Hypercore from 'hypercore'
import { isMirrorKey } from '../ledger/mirrors.js'
import { WakeupGate } from './wakeup-gate.js'

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
  /** what a mirror announces, sorted before autobase acts on it (wakeup-gate.ts) */
  private readonly gate: WakeupGate
  private keys: string[] = []
  private reading: Promise<void> | null = null
  private readAgain = false
  private closed = false

  /**
   * @param ledgerMirrors reads the mirrors the ledger names now (hex keys)
   * @param extra mirrors to use whatever the ledger says (the benchmark's)
   */
  constructor (dht: HyperDHT, store: Corestore, private readonly base: Autobase<Hyperbee>,
    private readonly ledgerMirrors: () => Promise<string[]>, private readonly extra: string[] = []) {
    // autobase's own wakeup protocol: a mirror tells the node on it which writers' logs grew
    const wakeup = (base as unknown as { wakeupProtocol: unknown }).wakeupProtocol
    this.gate = new WakeupGate(base as Autobase<unknown>)
    this.peering = new BlindPeering(dht, store, { keys: [], wakeup })
    this.refresh()
  }

  /** Read the ledger's mirrors again (after an update of the ledger); calls made meanwhile coalesce. */
  refresh (): void {
    if (this.closed) return
    if (this.reading !== null) { this.readAgain = true; return }
    this.reading = (async () => {
      do {
        this.readAgain = false
        const named = await this.ledgerMirrors().catch(() => this.keys)
        if (this.closed) return
        // a key that is no ed25519 point would throw inside the connection code: apply refuses
        // such proposals, and this keeps it so whatever the view holds
        this.use([...new Set([...this.extra, ...named])].filter(k => /^[0-9a-f]{64}$/.test(k) && isMirrorKey(b4a.from(k, 'hex'))))
      } while (this.readAgain)
    })().finally(() => { this.reading = null })
  }

  /** Use these mirrors (hex keys); asks each new one to keep the ledger. */
  private use (keys: string[]): void {
    if (keys.length === this.keys.length && keys.every((k, i) => k === this.keys[i])) return
    const fresh = keys.filter(k => !this.keys.includes(k))
    // a mirror the cooperative stopped using: hang up on it (blind-peering only forgets the key)
    for (const gone of this.keys.filter(k => !keys.includes(k))) {
      this.peering.blindPeers.get(gone)?.destroy()
      this.peering.blindPeers.delete(gone)
    }
    this.keys = [...keys]
    this.peering.setKeys(keys)
    if (fresh.length === 0) return
    // every mirror, not the closest two of them: each is a separate home for the whole ledger
    this.peering.addAutobaseBackground(this.base, { pick: keys.length })
  }

  get mirrorKeys (): readonly string[] { return this.keys }

  /**
   * Whether a connection to each mirror is up, and how far behind this node's copy it is: per
   * core, the blocks up to `length` (what this node can hand on: its own log whole, the view and
   * system core as far as the indexers signed them) that the mirror has not said it holds.
   */
  states (cores: Array<{ core: Hypercore, length: number }>): MirrorState[] {
    return this.keys.map(key => {
      const client = this.peering.blindPeers.get(key)
      const reached = client?.connected === true
      if (!reached) return { key, reached, behind: null }
      let behind = 0
      for (const { core, length } of cores) {
        const peer = (core as unknown as { peers: Peer[] }).peers.find(p => p.remotePublicKey !== null && b4a.toString(p.remotePublicKey, 'hex') === key)
        behind += Math.max(0, length - (peer?.remoteContiguousLength ?? 0))
      }
      return { key, reached, behind }
    })
  }

  async close (): Promise<void> {
    this.closed = true
    this.gate.close()
    await this.reading
    await this.peering.close()
  }
}

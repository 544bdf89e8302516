import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import HyperDHT from 'hyperdht'
import type { DiscoNode } from '../node/node.js'
import type { NetworkOptions } from '../net/swarm.js'
import type { BootstrapPeer } from '../net/bootstrap.js'

const KEPT_DOWNLOAD_MS = 30_000

/** `p`, or nothing once `ms` have passed (what is kept then is what the node had). */
async function withDeadline (p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  await Promise.race([p.catch(() => {}), new Promise<void>(resolve => { timer = setTimeout(resolve, ms) })])
  clearTimeout(timer)
}

/** A few DHT nodes on 127.0.0.1 that bootstrap from the first: a network of their own. */
interface LoopbackDht { bootstrap: BootstrapPeer[], destroy: () => Promise<void> }

const LOOPBACK = '127.0.0.1'

/**
 * Start `size` DHT nodes on 127.0.0.1, the first at a free port and the rest bootstrapped from it:
 * what hyperdht's testnet helper does (hyperdht 6.34 testnet.js), built from its public API so
 * that the shipped demo does not run test code. As there, they are persistent (`ephemeral: false`;
 * dht-rpc's adaptive mode can take 20-30 minutes to make a node so) and told they are not
 * firewalled (dht-rpc's README: "if you know that you are not set this to false"), so that each
 * serves the DHT to the demo's nodes at once.
 */
async function startLoopbackDht (size: number): Promise<LoopbackDht> {
  const nodes: HyperDHT[] = []
  const destroy = async (): Promise<void> => {
    for (const node of nodes.reverse()) await node.destroy()
  }
  try {
    const first = new HyperDHT({ ephemeral: false, firewalled: false, bootstrap: [], port: 0, host: LOOPBACK })
    nodes.push(first)
    await first.fullyBootstrapped()
    const bootstrap = [{ host: LOOPBACK, port: first.address().port }]
    while (nodes.length < size) {
      const node = new HyperDHT({ ephemeral: false, firewalled: false, bootstrap, host: LOOPBACK })
      nodes.push(node)
      await node.fullyBootstrapped()
    }
    return { bootstrap, destroy }
  } catch (err) {
    await destroy().catch(() => {})
    throw err
  }
}

/**
 * What a demo runs on: a DHT of its own on 127.0.0.1 (no other network) and a folder for its nodes'
 * storage, temporary unless the member asked to keep it. `close` closes every node the demo
 * tracked, then the DHT, then removes the temporary folder, so that nothing is left running
 * or behind, whatever happened in between.
 */
export class DemoStage {
  private readonly nodes: DiscoNode[] = []

  private constructor (
    readonly folder: string,
    private readonly keep: boolean,
    private readonly dht: LoopbackDht,
    readonly network: NetworkOptions
  ) {}

  static async open (name: string, keep?: string): Promise<DemoStage> {
    const folder = keep ?? await fs.mkdtemp(path.join(os.tmpdir(), `${name}-`))
    if (keep !== undefined) await fs.mkdir(folder, { recursive: true })
    const dht = await startLoopbackDht(3)
    return new DemoStage(folder, keep !== undefined, dht, { bootstrap: dht.bootstrap, host: LOOPBACK })
  }

  /** a node's storage folder */
  at (name: string): string {
    return path.join(this.folder, name)
  }

  /** close this node with the stage */
  track (node: DiscoNode): DiscoNode {
    this.nodes.push(node)
    return node
  }

  async close (): Promise<void> {
    // kept nodes are read later with no network (`disco verify` among them): each must hold the
    // whole ledger first, not only what it read to fast-forward
    if (this.keep) await Promise.all(this.nodes.map(async n => await withDeadline(n.holdsWholeLedger(), KEPT_DOWNLOAD_MS)))
    for (const n of this.nodes) await n.close()
    await this.dht.destroy()
    if (!this.keep) await fs.rm(this.folder, { recursive: true, force: true })
  }
}

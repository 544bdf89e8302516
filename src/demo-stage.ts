import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import createTestnet from 'hyperdht/testnet.js'
import type { DiscoNode } from './node.js'
import type { NetworkOptions } from './net/swarm.js'

const KEPT_DOWNLOAD_MS = 30_000

/** `p`, or nothing once `ms` have passed (what is kept then is what the node had). */
async function withDeadline (p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  await Promise.race([p.catch(() => {}), new Promise<void>(resolve => { timer = setTimeout(resolve, ms) })])
  clearTimeout(timer)
}

/**
 * What a demo runs on: a DHT testnet on 127.0.0.1 (no other network) and a folder for its nodes'
 * storage, temporary unless the member asked to keep it. `close` closes every node the demo
 * tracked, then the testnet, then removes the temporary folder, so that nothing is left running
 * or behind, whatever happened in between.
 */
export class DemoStage {
  private readonly nodes: DiscoNode[] = []

  private constructor (
    readonly folder: string,
    private readonly keep: boolean,
    private readonly testnet: Awaited<ReturnType<typeof createTestnet>>,
    readonly network: NetworkOptions
  ) {}

  static async open (name: string, keep?: string): Promise<DemoStage> {
    const folder = keep ?? await fs.mkdtemp(path.join(os.tmpdir(), `${name}-`))
    if (keep !== undefined) await fs.mkdir(folder, { recursive: true })
    const testnet = await createTestnet(3, { host: '127.0.0.1' })
    return new DemoStage(folder, keep !== undefined, testnet, { bootstrap: testnet.bootstrap, host: '127.0.0.1' })
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
    await this.testnet.destroy()
    if (!this.keep) await fs.rm(this.folder, { recursive: true, force: true })
  }
}

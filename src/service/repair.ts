import { DiscoNode } from '../node/node.js'
import type { NetworkOptions } from '../net/swarm.js'
import type { TailProgress } from '../node/log-tail.js'
import { verify } from '../commands/verify.js'
import type { VerifyProgress, VerifyReport } from '../commands/verify.js'
import { tailProgressLines } from './tail-progress.js'

export interface RepairOptions {
  storage: string
  network: NetworkOptions
  /** how long to wait for a peer that holds the lost blocks (ms) */
  timeoutMs: number
  /** progress lines (stderr) */
  say: (line: string) => void
  onVerifyProgress?: (p: VerifyProgress) => void
}

export interface RepairReport {
  /** the blocks of this device's own log that came back from peers; null when none was missing */
  recovered: { from: number, to: number } | null
  /** this device's own log after the repair: its length, and how far it was acknowledged */
  ownLog: { length: number, acked: number }
  /** `disco verify` on the repaired store */
  verify: VerifyReport
}

/**
 * `disco repair`: open the store on the network, so that a device whose own log lost its tail
 * (log-tail.ts) gets the lost blocks back from its peers, checked against its own signature,
 * before anything is written; then run `disco verify` on the result. The device keeps its
 * identity: its key pair and every block it acknowledged. What it cannot repair it refuses with
 * the error that says what to do: a store the storage engine cannot read (STORE_CORRUPT), a
 * tail no peer gives back (LOG_TAIL_LOST), a forked log (DEVICE_FORKED); for those, the device
 * is paired again as a new one (README, "When the store is damaged").
 */
export async function repair (opts: RepairOptions): Promise<RepairReport> {
  let recovered: { from: number, to: number } | null = null
  const lines = tailProgressLines(opts.say)
  const node = await DiscoNode.open({
    storage: opts.storage,
    network: opts.network,
    tailTimeoutMs: opts.timeoutMs,
    onTailProgress: (p: TailProgress) => {
      recovered ??= { from: p.held, to: p.acked }
      lines(p)
    }
  })
  try {
    const report = await verify(node, opts.onVerifyProgress)
    if (node.failed !== null) throw node.failed // forked while it checked
    return { recovered, ownLog: node.ownLog, verify: report }
  } finally {
    await node.close()
  }
}

import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import Corestore from 'corestore'
import type Hypercore from 'hypercore'
import { verifyEvidence } from '../consensus/federate-signatures.js'
import type { Evidence } from '../ledger/federation.js'
import { Network } from '../net/swarm.js'
import type { NetworkOptions } from '../net/swarm.js'
import { proofAt, readHead } from './heads.js'
import type { SignedHead } from './heads.js'

/**
 * The other history, fetched to be proven. When a peer serves a federate's core that does not fit
 * the history the witness holds, hypercore 11.37.1 raises no conflict on a core with a prologue
 * (an autobase system core): it compares the two at the prologue's length, where they agree. So
 * the probe opens the same core, empty, in a store of its own, connects to that one peer only
 * (its own swarm, the same DHT), takes the whole signed history it serves, and builds the merkle
 * proof that its signature covers another tree at the witnessed length. Everything it fetched is
 * deleted after. Returns verified evidence, or null when the peer's history proves nothing.
 */
export interface ProbeOptions {
  network: NetworkOptions
  key: Uint8Array
  /** the peer's noise public key */
  peer: Uint8Array
  witnessed: SignedHead
  /** the probe gives up after this long (default 20 s) */
  timeoutMs?: number
  /** stops it at once (the node closes) */
  signal?: AbortSignal
}


export async function probeHistory (opts: ProbeOptions): Promise<Evidence | null> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'disco-probe-'))
  const store = new Corestore(dir)
  const network = new Network(opts.network, conn => store.replicate(conn))
  // a peer that goes away mid-download would leave it waiting for ever: closing the store ends
  // every wait, and the finally below cleans up
  let stopped = false
  const stop = (): void => {
    if (stopped) return
    stopped = true
    void network.destroy().catch(() => {})
    void store.close().catch(() => {})
  }
  const timer = setTimeout(stop, opts.timeoutMs ?? 20_000)
  opts.signal?.addEventListener('abort', stop)
  try {
    const core = store.get({ key: opts.key })
    await core.ready()
    network.swarm.joinPeer(opts.peer)
    const witnessed = opts.witnessed.state
    if (!await grows(core, witnessed.length, () => stopped)) return null
    await core.download({ start: 0, end: core.length }).done()
    const head = await readHead(core)
    if (head === null) return null
    const evidence: Evidence = { federate: opts.key, manifest: opts.witnessed.manifest, witnessed, observed: head.state, prefix: [], extension: [] }
    if (head.state.length > witnessed.length) {
      const proof = await proofAt(core, witnessed.length)
      if (proof === null) return null
      evidence.prefix = proof.prefix
      evidence.extension = proof.extension
    }
    try {
      verifyEvidence(evidence)
      return evidence
    } catch {
      return null
    }
  } catch {
    return null
  } finally {
    clearTimeout(timer)
    opts.signal?.removeEventListener('abort', stop)
    stop()
    await network.destroy().catch(() => {})
    await store.close().catch(() => {})
    await fs.rm(dir, { recursive: true, force: true }).catch(() => {})
  }
}

/** Wait until the core holds a signed history at least `length` long (or the probe stops). */
async function grows (core: Hypercore, length: number, stopped: () => boolean): Promise<boolean> {
  while (core.length < length) {
    if (stopped() || core.closed) return false
    await core.update({ wait: true }).catch(() => false)
    if (core.length < length) await new Promise(resolve => setTimeout(resolve, 100))
  }
  return true
}

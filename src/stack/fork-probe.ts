import type Corestore from 'corestore'
import b4a from 'b4a'

/** What the probe reads of a hypercore replicator's peer (lib/replicator.js, class Peer). */
interface ReplicatorPeer {
  remoteLength: number
  remoteFork: number
  _checkIfConflict (): void
}

/** What it reads of corestore's open cores (the `Core` objects of hypercore's lib/core.js). */
interface OpenCore {
  key: Uint8Array | null
  closing: unknown
  header: { frozen: boolean }
  state: { length: number, fork: number }
  replicator: { peers: ReplicatorPeer[] }
}

/**
 * Ask each peer that holds one of `keys` (hex) at exactly the length this node holds it for its
 * signed tree at that length, once per peer and length; returns how many were asked.
 *
 * Why: hypercore 11.37.1 looks for a fork only when data it receives fails to verify (a block or
 * an upgrade from a longer peer: `Peer._checkIfConflict`, then `Core.checkConflict` compares the
 * two signed tree hashes, freezes the core and sends the proof to every peer). Its sync messages
 * carry a length and a fork id, never a tree hash, so two versions of a core at the *same* length
 * ask nothing of each other and go unflagged until one grows. Asking for the proof ourselves is
 * the same round trip hypercore makes after a failed block: an answer that matches unpauses the
 * peer, one that does not is the proof of the fork, and hypercore takes it from there.
 *
 * Internals: corestore's `store.cores` (iterable of open cores, corestore 7.12.5); on each core
 * `replicator.peers`, `state`, `header.frozen`; on each peer `remoteLength`, `remoteFork` and
 * `_checkIfConflict()` (hypercore 11.37.1). No public API asks a peer for its tree at a length.
 */
export function probeEqualLengths (store: Corestore, keys: ReadonlySet<string>, asked: WeakMap<object, number>): number {
  const cores = (store as unknown as { cores: Iterable<OpenCore> }).cores
  let n = 0
  for (const core of cores) {
    if (core.closing !== null || core.key === null || core.header.frozen || core.state.length === 0) continue
    if (!keys.has(b4a.toString(core.key, 'hex'))) continue
    for (const peer of core.replicator.peers) {
      if (peer.remoteLength !== core.state.length || peer.remoteFork !== core.state.fork) continue
      if (asked.get(peer) === core.state.length) continue
      asked.set(peer, core.state.length)
      peer._checkIfConflict()
      n++
    }
  }
  return n
}

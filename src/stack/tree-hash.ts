import type Hypercore from 'hypercore'
import crypto from 'hypercore-crypto'
import { MerkleTree } from 'hypercore/lib/merkle-tree.js'

/** A session's tree state (hypercore 11.37.1 lib/session-state.js), the part read here. */
interface SessionState {
  storage: unknown
}

/**
 * The core's Merkle tree hash at `length`, from the tree's roots as its storage holds them: what
 * `core.treeHash(length)` returns, in one storage read instead of three. `treeHash` first reads
 * the block at `length - 1` (and fetches it from a peer when it is not stored), then the roots;
 * the hash needs only the roots, which a core can hold without the block. Rejects when a root is
 * not stored, and never waits for a peer.
 */
export async function storedTreeHash (core: Hypercore, length: number): Promise<Uint8Array> {
  const state = (core as unknown as { state: SessionState | null }).state
  if (state === null) throw new Error('the core has no session state (closed)')
  return crypto.tree(await MerkleTree.getRootsFromStorage(state.storage, length))
}

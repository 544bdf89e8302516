import type Hypercore from 'hypercore'
import crypto from 'hypercore-crypto'
import { MerkleTree } from 'hypercore/lib/merkle-tree.js'
import type { ProofReader } from 'hypercore/lib/merkle-tree.js'
import type { MerkleNode } from './signatures.js'

/**
 * What the node reads of a core's tree beyond hypercore's public API: for a witness, a federate's
 * signature of its signed head and a merkle proof of its tree at an older length
 * (docs/federation.md); for apply's cache check, the tree hash at a length from stored roots.
 */

/** A session's tree state (hypercore 11.37.1 lib/session-state.js), the parts read here. */
interface SessionState {
  /** the signature over the tree at the session's length; null when it has none (unsigned) */
  signature: Uint8Array | null
  prologue: { length: number, hash: Uint8Array } | null
  storage: { read (): ProofReader }
}

function stateOf (core: Hypercore): SessionState | null {
  return (core as unknown as { state: SessionState | null }).state
}

/**
 * The signature over the core's tree at its current length: what makes the head a signed state a
 * check-in can carry. Hypercore keeps it in the session's state (`core.state.signature`) and has no
 * public getter: `core.signable()` gives the bytes signed, not the signature, and a proof carries
 * it only after a storage read. Null when the core holds no signature (a length it did not sign).
 */
export function currentSignature (core: Hypercore): Uint8Array | null {
  return stateOf(core)?.signature ?? null
}

/**
 * The merkle nodes that tie a core's signed head to its tree at an older `length`, from the core's
 * own storage: the roots at `length` (`nodes`) and the nodes that extend them to the head
 * (`additionalNodes`), as a conflict proof has them; null when storage lacks a node (a sparse copy)
 * or anything fails.
 *
 * The public `core.proof({ upgrade: { start: 0, length } })` makes the same proof, except on a core
 * with a prologue (an autobase system core, which is what a federate is): hypercore then proves
 * from the prologue's length whatever length is asked (merkle-tree.js generateProof), and the
 * roots at the witnessed length never appear. So the proof is made by MerkleTree.proof on a copy
 * of the session's state with the prologue set aside, for this proof only.
 */
export async function upgradeProofAt (core: Hypercore, length: number): Promise<{ nodes: MerkleNode[], additionalNodes: MerkleNode[] } | null> {
  try {
    const state = stateOf(core)
    if (state === null) return null
    const session = Object.create(state, { prologue: { value: null } }) as SessionState
    const rx = session.storage.read()
    const pending = MerkleTree.proof(session, rx, { block: null, hash: null, seek: null, upgrade: { start: 0, length } })
    rx.tryFlush()
    const upgrade = (await (await pending).settle()).upgrade
    return upgrade === null ? null : { nodes: upgrade.nodes, additionalNodes: upgrade.additionalNodes }
  } catch {
    return null
  }
}

/**
 * The core's Merkle tree hash at `length`, from the tree's roots as its storage holds them: what
 * `core.treeHash(length)` returns, in one storage read instead of three. `treeHash` first reads
 * the block at `length - 1` (and fetches it from a peer when it is not stored), then the roots;
 * the hash needs only the roots, which a core can hold without the block. Rejects when a root is
 * not stored, and never waits for a peer.
 */
export async function storedTreeHash (core: Hypercore, length: number): Promise<Uint8Array> {
  const state = stateOf(core)
  if (state === null) throw new Error('the core has no session state (closed)')
  return crypto.tree(await MerkleTree.getRootsFromStorage(state.storage, length))
}

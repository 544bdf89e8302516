import type Hypercore from 'hypercore'
import type { SignedState, TreeNode } from '../ledger/ops.js'
import { currentSignature, upgradeProofAt } from '../stack/core-proofs.js'

/** What the witness reads of a federate's core: its signed head, and merkle proofs from storage. */
export interface SignedHead { manifest: Uint8Array, state: SignedState }

/** A core's signed head: length, fork, tree hash and signature, read together. */
export async function readHead (core: Hypercore): Promise<SignedHead | null> {
  if (core.closed) return null
  const length = core.length
  const fork = core.fork
  const signature = currentSignature(core)
  const manifest = core.getManifest({ raw: true })
  if (length === 0 || signature === null || manifest === null) return null
  const treeHash = await core.treeHash(length)
  // it moved while the hash was read: the next read sees a consistent head
  if (core.length !== length || core.fork !== fork) return null
  return { manifest, state: { length, fork, treeHash, signature } }
}

/**
 * The merkle nodes that tie a core's signed head to its tree at an older length: the roots at that
 * length and the nodes up to the head, as a conflict proof has them (src/stack/core-proofs.ts).
 * Needs the tree nodes in storage (a downloaded core).
 */
export async function proofAt (core: Hypercore, length: number): Promise<{ prefix: TreeNode[], extension: TreeNode[] } | null> {
  const proof = await upgradeProofAt(core, length)
  return proof === null ? null : { prefix: proof.nodes, extension: proof.additionalNodes }
}

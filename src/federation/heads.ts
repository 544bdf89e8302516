import Verifier from 'hypercore/lib/verifier.js'
import type Hypercore from 'hypercore'
import { MerkleTree } from 'hypercore/lib/merkle-tree.js'
import type { ProofReader } from 'hypercore/lib/merkle-tree.js'
import type { SignedState, TreeNode } from '../ledger/ops.js'

/** What the witness reads of a federate's core: its signed head, and merkle proofs from storage. */
export interface SignedHead { manifest: Uint8Array, state: SignedState }

interface ProofSession { storage: { read (): ProofReader } }

/** A core's signed head: length, fork, tree hash and signature, read together. */
export async function readHead (core: Hypercore): Promise<SignedHead | null> {
  if (core.closed) return null
  const length = core.length
  const fork = core.fork
  const signature = core.state?.signature ?? null
  const manifest = core.manifest
  if (length === 0 || signature === null || manifest === null) return null
  const treeHash = await core.treeHash(length)
  // it moved while the hash was read: the next read sees a consistent head
  if (core.length !== length || core.fork !== fork) return null
  return { manifest: Verifier.encodeManifest(manifest), state: { length, fork, treeHash, signature } }
}

/**
 * The merkle nodes that tie a core's signed head to its tree at an older length: the roots at that
 * length and the nodes up to the head, as a conflict proof has them. The prologue is set aside for
 * this proof only (hypercore would start it at the prologue's length). Needs the tree nodes in
 * storage (a downloaded core).
 */
export async function proofAt (core: Hypercore, length: number): Promise<{ prefix: TreeNode[], extension: TreeNode[] } | null> {
  try {
    const session = Object.create((core as unknown as { state: ProofSession }).state, { prologue: { value: null } }) as ProofSession
    const rx = session.storage.read()
    const pending = MerkleTree.proof(session, rx, { block: null, hash: null, seek: null, upgrade: { start: 0, length } })
    rx.tryFlush()
    const upgrade = (await (await pending).settle()).upgrade
    return upgrade === null ? null : { prefix: upgrade.nodes, extension: upgrade.additionalNodes }
  } catch {
    return null
  }
}

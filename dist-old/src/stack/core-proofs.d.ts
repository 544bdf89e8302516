import type Hypercore from 'hypercore';
import type { MerkleNode } from './signatures.js';
/**
 * The signature over the core's tree at its current length: what makes the head a signed state a
 * check-in can carry. Hypercore keeps it in the session's state (`core.state.signature`) and has no
 * public getter: `core.signable()` gives the bytes signed, not the signature, and a proof carries
 * it only after a storage read. Null when the core holds no signature (a length it did not sign).
 */
export declare function currentSignature(core: Hypercore): Uint8Array | null;
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
export declare function upgradeProofAt(core: Hypercore, length: number): Promise<{
    nodes: MerkleNode[];
    additionalNodes: MerkleNode[];
} | null>;

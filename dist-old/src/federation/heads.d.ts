import type Hypercore from 'hypercore';
import type { SignedState, TreeNode } from '../ledger/ops.js';
/** What the witness reads of a federate's core: its signed head, and merkle proofs from storage. */
export interface SignedHead {
    manifest: Uint8Array;
    state: SignedState;
}
/** A core's signed head: length, fork, tree hash and signature, read together. */
export declare function readHead(core: Hypercore): Promise<SignedHead | null>;
/**
 * The merkle nodes that tie a core's signed head to its tree at an older length: the roots at that
 * length and the nodes up to the head, as a conflict proof has them (src/stack/core-proofs.ts).
 * Needs the tree nodes in storage (a downloaded core).
 */
export declare function proofAt(core: Hypercore, length: number): Promise<{
    prefix: TreeNode[];
    extension: TreeNode[];
} | null>;

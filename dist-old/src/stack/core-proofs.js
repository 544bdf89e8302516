import { MerkleTree } from 'hypercore/lib/merkle-tree.js';
function stateOf(core) {
    return core.state;
}
/**
 * The signature over the core's tree at its current length: what makes the head a signed state a
 * check-in can carry. Hypercore keeps it in the session's state (`core.state.signature`) and has no
 * public getter: `core.signable()` gives the bytes signed, not the signature, and a proof carries
 * it only after a storage read. Null when the core holds no signature (a length it did not sign).
 */
export function currentSignature(core) {
    return stateOf(core)?.signature ?? null;
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
export async function upgradeProofAt(core, length) {
    try {
        const state = stateOf(core);
        if (state === null)
            return null;
        const session = Object.create(state, { prologue: { value: null } });
        const rx = session.storage.read();
        const pending = MerkleTree.proof(session, rx, { block: null, hash: null, seek: null, upgrade: { start: 0, length } });
        rx.tryFlush();
        const upgrade = (await (await pending).settle()).upgrade;
        return upgrade === null ? null : { nodes: upgrade.nodes, additionalNodes: upgrade.additionalNodes };
    }
    catch {
        return null;
    }
}
//# sourceMappingURL=core-proofs.js.map
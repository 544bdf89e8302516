import { currentSignature, upgradeProofAt } from '../stack/core-proofs.js';
/** A core's signed head: length, fork, tree hash and signature, read together. */
export async function readHead(core) {
    if (core.closed)
        return null;
    const length = core.length;
    const fork = core.fork;
    const signature = currentSignature(core);
    const manifest = core.getManifest({ raw: true });
    if (length === 0 || signature === null || manifest === null)
        return null;
    const treeHash = await core.treeHash(length);
    // it moved while the hash was read: the next read sees a consistent head
    if (core.length !== length || core.fork !== fork)
        return null;
    return { manifest, state: { length, fork, treeHash, signature } };
}
/**
 * The merkle nodes that tie a core's signed head to its tree at an older length: the roots at that
 * length and the nodes up to the head, as a conflict proof has them (src/stack/core-proofs.ts).
 * Needs the tree nodes in storage (a downloaded core).
 */
export async function proofAt(core, length) {
    const proof = await upgradeProofAt(core, length);
    return proof === null ? null : { prefix: proof.nodes, extension: proof.additionalNodes };
}
//# sourceMappingURL=heads.js.map
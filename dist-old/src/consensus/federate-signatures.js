import b4a from 'b4a';
import { DiscoError } from '../errors.js';
import { evidenceKind } from '../ledger/federation.js';
import { decodeManifest, manifestKey, signsTreeState, treeFromUpgradeProof } from '../stack/signatures.js';
/** The federate's signers, from manifest bytes that must hash to the federate's key. */
function federateSigners(federate, bytes) {
    const manifest = decodeManifest(bytes);
    if (manifest === null)
        throw DiscoError.invalidEvidence('manifest-undecodable');
    const key = manifestKey(manifest);
    if (!b4a.equals(key, federate))
        throw DiscoError.invalidEvidence('manifest-not-federates');
    return { key, manifest };
}
/** A check-in must carry the federate's own signature over what it witnessed. */
export function verifyCheckin(op) {
    const { key, manifest } = federateSigners(op.federate, op.manifest);
    if (!signsTreeState(key, manifest, op))
        throw DiscoError.invalidCheckin();
}
/**
 * What a dispute's evidence proves (`fork`, `truncation` or `rewrite`: ledger/federation.ts), or a
 * DiscoError (INVALID_EVIDENCE) saying why it proves nothing. Both signatures must verify against
 * the federate's manifest, whose hash is its key.
 */
export function verifyEvidence(e) {
    const { key, manifest } = federateSigners(e.federate, e.manifest);
    if (!signsTreeState(key, manifest, e.witnessed))
        throw DiscoError.invalidEvidence('witnessed-unsigned');
    if (!signsTreeState(key, manifest, e.observed))
        throw DiscoError.invalidEvidence('observed-unsigned');
    return evidenceKind(e, () => proofLeadsToObserved(manifest, e));
}
/** Whether the merkle nodes (the roots at the witnessed length, and the nodes that extend them)
 * lead to the observed signed state: the tree hash the observed signature covers. */
function proofLeadsToObserved(manifest, e) {
    const tree = treeFromUpgradeProof(manifest, e.observed.fork, { length: e.witnessed.length, nodes: e.prefix, additionalNodes: e.extension, signature: e.observed.signature });
    return tree !== null && tree.length === e.observed.length && b4a.equals(tree.treeHash, e.observed.treeHash);
}
/** The signed state a conflict proof (hypercore's `conflict` event) carries, checked against the
 * manifest, or null when it does not verify. */
export function signedStateFromProof(manifest, fork, upgrade) {
    const tree = treeFromUpgradeProof(manifest, fork, upgrade);
    if (tree === null)
        return null;
    const state = { length: tree.length, fork, treeHash: tree.treeHash, signature: upgrade.signature };
    try {
        return signsTreeState(manifestKey(manifest), manifest, state) ? state : null;
    }
    catch {
        return null;
    }
}
//# sourceMappingURL=federate-signatures.js.map
import c from 'compact-encoding';
import messages from 'hypercore/messages.js';
import Verifier from 'hypercore/lib/verifier.js';
import { treeSignable, treeSignableCompat } from 'hypercore/lib/caps.js';
import { MerkleTree } from 'hypercore/lib/merkle-tree.js';
/** The manifest the bytes encode, or null when they are not a manifest. */
export function decodeManifest(bytes) {
    try {
        return c.decode(messages.manifest, bytes);
    }
    catch {
        return null;
    }
}
export function encodeManifest(manifest) {
    return c.encode(messages.manifest, manifest);
}
/**
 * The key of the core this manifest signs: its hash, as hypercore computes it (lib/verifier.js).
 * Not the public `Hypercore.key(manifest)`: that normalises the manifest first (a v1 manifest with
 * an empty `linked` list hashes as one without), so it would accept manifest bytes other than the
 * federate's own, and apply would take check-ins it has always refused (test/stack-contract.test.ts).
 */
export function manifestKey(manifest) {
    return Verifier.manifestHash(manifest);
}
/** A manifest with one ed25519 signer, hypercore's default for a key pair (lib/verifier.js);
 * for made-up federates in tests and benches. */
export function singleSignerManifest(publicKey) {
    return Verifier.defaultSignerManifest(publicKey);
}
/** What a signer signs for a tree state (lib/caps.js), in both forms the verifier may ask for. */
function treeBatch(s) {
    return {
        length: s.length,
        fork: s.fork,
        hash: () => s.treeHash,
        signable: (namespace) => treeSignable(namespace, s.treeHash, s.length, s.fork),
        signableCompat: (legacy) => treeSignableCompat(s.treeHash, s.length, s.fork, legacy)
    };
}
/**
 * Whether the signers of the core keyed `key` (by this manifest) signed this state: hypercore's
 * own verifier (quorum, patches, compat signers). False, never a throw, on anything malformed.
 */
export function signsTreeState(key, manifest, s) {
    try {
        return new Verifier(key, manifest).verify(treeBatch(s), s.signature);
    }
    catch {
        return false;
    }
}
/** A signature over a state by a signer of the manifest, as hypercore makes it (for made-up
 * federates in tests and benches; a node never signs for another core). */
export function signTreeState(manifest, keyPair, s) {
    return new Verifier(manifestKey(manifest), manifest).sign(treeBatch(s), keyPair);
}
/**
 * The signed tree an upgrade proof leads to, checked as a peer that holds nothing of the core would
 * check it (MerkleTree.verifyFullyRemote on an empty session with the manifest's prologue): its
 * length and tree hash; null when the nodes do not fit together. The signature is NOT checked
 * here: pass the result to `signsTreeState`.
 */
export function treeFromUpgradeProof(manifest, fork, proof) {
    // a session that holds nothing: every node of the proof must come from the proof itself
    const empty = { fork: 0, roots: [], length: 0, signature: null, byteLength: 0, prologue: manifest.prologue ?? null, storage: null };
    try {
        const batch = MerkleTree.verifyFullyRemote(empty, {
            fork,
            upgrade: { start: 0, length: proof.length, nodes: proof.nodes, additionalNodes: proof.additionalNodes, signature: proof.signature }
        });
        return { length: batch.length, treeHash: batch.hash() };
    }
    catch {
        return null;
    }
}
//# sourceMappingURL=signatures.js.map
import type { HypercoreManifest } from 'hypercore';
/**
 * Hypercore's signatures over a core's tree, checked offline from bytes: what a federate's
 * check-in and a dispute's evidence carry (docs/federation.md). The ledger decides what two signed
 * states prove; whether the federate signed them is hypercore's to say, by its own code, so that
 * a state is valid here exactly when a hypercore peer would take it.
 *
 * hypercore 11.37.1 has no public offline check: `core.verifyFullyRemote` needs an open core of
 * that key and checks against its own stored state. So this file uses lib/verifier.js (the
 * manifest's signers, quorum and namespaces), lib/caps.js (the bytes a signer signs) and
 * lib/merkle-tree.js (a merkle upgrade proof with no local tree). Manifests are decoded and encoded
 * with `hypercore/messages`, which the package exposes on purpose.
 */
/** A signed state of a core's tree: its length, fork id, tree hash there, and the signature. */
export interface TreeState {
    length: number;
    fork: number;
    treeHash: Uint8Array;
    signature: Uint8Array;
}
/** A node of a core's merkle tree, as proofs carry them. */
export interface MerkleNode {
    index: number;
    size: number;
    hash: Uint8Array;
}
/** The manifest the bytes encode, or null when they are not a manifest. */
export declare function decodeManifest(bytes: Uint8Array): HypercoreManifest | null;
export declare function encodeManifest(manifest: HypercoreManifest): Uint8Array;
/**
 * The key of the core this manifest signs: its hash, as hypercore computes it (lib/verifier.js).
 * Not the public `Hypercore.key(manifest)`: that normalises the manifest first (a v1 manifest with
 * an empty `linked` list hashes as one without), so it would accept manifest bytes other than the
 * federate's own, and apply would take check-ins it has always refused (test/stack-contract.test.ts).
 */
export declare function manifestKey(manifest: HypercoreManifest): Uint8Array;
/** A manifest with one ed25519 signer, hypercore's default for a key pair (lib/verifier.js);
 * for made-up federates in tests and benches. */
export declare function singleSignerManifest(publicKey: Uint8Array): HypercoreManifest;
/**
 * Whether the signers of the core keyed `key` (by this manifest) signed this state: hypercore's
 * own verifier (quorum, patches, compat signers). False, never a throw, on anything malformed.
 */
export declare function signsTreeState(key: Uint8Array, manifest: HypercoreManifest, s: TreeState): boolean;
/** A signature over a state by a signer of the manifest, as hypercore makes it (for made-up
 * federates in tests and benches; a node never signs for another core). */
export declare function signTreeState(manifest: HypercoreManifest, keyPair: {
    publicKey: Uint8Array;
    secretKey: Uint8Array;
}, s: Omit<TreeState, 'signature'>): Uint8Array;
/** A merkle upgrade proof, as hypercore's conflict proofs and `proof({ upgrade })` have it. */
export interface UpgradeProof {
    /** the length the proof starts from (0: the whole tree) up to `length` */
    start?: number;
    length: number;
    /** the tree's roots at `length` (from `start`) */
    nodes: MerkleNode[];
    /** the nodes that extend those roots to the signed length */
    additionalNodes: MerkleNode[];
    signature: Uint8Array;
}
/**
 * The signed tree an upgrade proof leads to, checked as a peer that holds nothing of the core would
 * check it (MerkleTree.verifyFullyRemote on an empty session with the manifest's prologue): its
 * length and tree hash; null when the nodes do not fit together. The signature is NOT checked
 * here: pass the result to `signsTreeState`.
 */
export declare function treeFromUpgradeProof(manifest: HypercoreManifest, fork: number, proof: UpgradeProof): {
    length: number;
    treeHash: Uint8Array;
} | null;

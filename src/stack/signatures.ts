import c from 'compact-encoding'
import type { HypercoreManifest } from 'hypercore'
import messages from 'hypercore/messages.js'
import Verifier from 'hypercore/lib/verifier.js'
import { treeSignable, treeSignableCompat } from 'hypercore/lib/caps.js'
import { MerkleTree } from 'hypercore/lib/merkle-tree.js'

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
  length: number
  fork: number
  treeHash: Uint8Array
  signature: Uint8Array
}

/** A node of a core's merkle tree, as proofs carry them. */
export interface MerkleNode { index: number, size: number, hash: Uint8Array }

/** The manifest the bytes encode, or null when they are not a manifest. */
export function decodeManifest (bytes: Uint8Array): HypercoreManifest | null {
  try {
    return c.decode(messages.manifest, bytes)
  } catch {
    return null
  }
}

export function encodeManifest (manifest: HypercoreManifest): Uint8Array {
  return c.encode(messages.manifest, manifest)
}

/**
 * The key of the core this manifest signs: its hash, as hypercore computes it (lib/verifier.js).
 * Not the public `Hypercore.key(manifest)`: that normalises the manifest first (a v1 manifest with
 * an empty `linked` list hashes as one without), so it would accept manifest bytes other than the
 * federate's own, and apply would take check-ins it has always refused (test/stack-contract.test.ts).
 */
export function manifestKey (manifest: HypercoreManifest): Uint8Array {
  return Verifier.manifestHash(manifest)
}

/** A manifest with one ed25519 signer, hypercore's default for a key pair (lib/verifier.js);
 * for made-up federates in tests and benches. */
export function singleSignerManifest (publicKey: Uint8Array): HypercoreManifest {
  return Verifier.defaultSignerManifest(publicKey)
}

/** What a signer signs for a tree state (lib/caps.js), in both forms the verifier may ask for. */
function treeBatch (s: Omit<TreeState, 'signature'>): import('hypercore/lib/verifier.js').TreeBatch {
  return {
    length: s.length,
    fork: s.fork,
    hash: () => s.treeHash,
    signable: (namespace: Uint8Array) => treeSignable(namespace, s.treeHash, s.length, s.fork),
    signableCompat: (legacy: boolean) => treeSignableCompat(s.treeHash, s.length, s.fork, legacy)
  }
}

/**
 * Whether the signers of the core keyed `key` (by this manifest) signed this state: hypercore's
 * own verifier (quorum, patches, compat signers). False, never a throw, on anything malformed.
 */
export function signsTreeState (key: Uint8Array, manifest: HypercoreManifest, s: TreeState): boolean {
  try {
    return new Verifier(key, manifest).verify(treeBatch(s), s.signature)
  } catch {
    return false
  }
}

/** A signature over a state by a signer of the manifest, as hypercore makes it (for made-up
 * federates in tests and benches; a node never signs for another core). */
export function signTreeState (manifest: HypercoreManifest, keyPair: { publicKey: Uint8Array, secretKey: Uint8Array }, s: Omit<TreeState, 'signature'>): Uint8Array {
  return new Verifier(manifestKey(manifest), manifest).sign(treeBatch(s), keyPair)
}

/** A merkle upgrade proof, as hypercore's conflict proofs and `proof({ upgrade })` have it. */
export interface UpgradeProof {
  /** the length the proof starts from (0: the whole tree) up to `length` */
  start?: number
  length: number
  /** the tree's roots at `length` (from `start`) */
  nodes: MerkleNode[]
  /** the nodes that extend those roots to the signed length */
  additionalNodes: MerkleNode[]
  signature: Uint8Array
}

/**
 * The signed tree an upgrade proof leads to, checked as a peer that holds nothing of the core would
 * check it (MerkleTree.verifyFullyRemote on an empty session with the manifest's prologue): its
 * length and tree hash; null when the nodes do not fit together. The signature is NOT checked
 * here: pass the result to `signsTreeState`.
 */
export function treeFromUpgradeProof (manifest: HypercoreManifest, fork: number, proof: UpgradeProof): { length: number, treeHash: Uint8Array } | null {
  // a session that holds nothing: every node of the proof must come from the proof itself
  const empty = { fork: 0, roots: [], length: 0, signature: null, byteLength: 0, prologue: manifest.prologue ?? null, storage: null }
  try {
    const batch = MerkleTree.verifyFullyRemote(empty, {
      fork,
      upgrade: { start: 0, length: proof.length, nodes: proof.nodes, additionalNodes: proof.additionalNodes, signature: proof.signature }
    })
    return { length: batch.length, treeHash: batch.hash() }
  } catch {
    return null
  }
}

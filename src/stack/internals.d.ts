// The stack's internals the fence (src/stack/*.ts) relies on: modules under a package's lib/ and
// members its public types do not have. Declared here only, and imported or cast to only in
// src/stack (test/stack-fence.test.ts checks it); written against the versions in versions.ts.

// hypercore's public encodings ("explicitly exposed as hypercore/messages" in the package).
declare module 'hypercore/messages.js' {
  import type { HypercoreManifest } from 'hypercore'
  /** a compact-encoding codec */
  interface Codec<T> { preencode (state: unknown, value: T): void, encode (state: unknown, value: T): void, decode (state: unknown): T }
  const messages: { manifest: Codec<HypercoreManifest> }
  export default messages
}

// hypercore's signature checks (lib/verifier.js, lib/caps.js).
declare module 'hypercore/lib/verifier.js' {
  import type { HypercoreManifest } from 'hypercore'
  export interface TreeBatch {
    length: number
    fork: number
    hash (): Uint8Array
    signable (namespace: Uint8Array): Uint8Array
    signableCompat (legacy: boolean): Uint8Array
  }
  export default class Verifier {
    constructor (manifestHash: Uint8Array, manifest: HypercoreManifest)
    verify (batch: TreeBatch, signature: Uint8Array): boolean
    sign (batch: TreeBatch, keyPair: { publicKey: Uint8Array, secretKey: Uint8Array }): Uint8Array
    static defaultSignerManifest (publicKey: Uint8Array): HypercoreManifest
    static manifestHash (manifest: HypercoreManifest): Uint8Array
  }
}

declare module 'hypercore/lib/caps.js' {
  export function treeSignable (manifestHash: Uint8Array, treeHash: Uint8Array, length: number, fork: number): Uint8Array
  export function treeSignableCompat (treeHash: Uint8Array, length: number, fork: number, noHeader: boolean): Uint8Array
}

// hypercore's merkle tree (lib/merkle-tree.js): proofs from storage and their checks.
declare module 'hypercore/lib/merkle-tree.js' {
  export interface ProofNode { index: number, size: number, hash: Uint8Array }
  export interface FullyRemoteProof {
    fork: number
    upgrade: { start: number, length: number, nodes: ProofNode[], additionalNodes: ProofNode[], signature: Uint8Array }
  }
  export interface VerifiedBatch { length: number, fork: number, signature: Uint8Array | null, hash (): Uint8Array }
  /** A pending merkle proof (`MerkleTree.proof`), settled into what a peer would send. */
  export interface PendingProof {
    settle (): Promise<{ fork: number, upgrade: { start: number, length: number, nodes: ProofNode[], additionalNodes: ProofNode[], signature: Uint8Array } | null }>
  }
  export interface ProofReader { tryFlush (): void }
  export const MerkleTree: {
    verifyFullyRemote (session: unknown, proof: FullyRemoteProof): VerifiedBatch
    proof (session: unknown, rx: ProofReader, req: { block: null, hash: null, seek: null, upgrade: { start: number, length: number } }): Promise<PendingProof>
    /** the tree's roots at `length`, read from storage; rejects when one is not stored there */
    getRootsFromStorage (storage: unknown, length: number): Promise<ProofNode[]>
  }
}

// autobase's wire encodings (lib/messages.js; the package has no exports map).
declare module 'autobase/lib/messages.js' {
  /** One block of a writer's core: the node autobase linearises, with its causal heads. */
  export interface OplogMessage {
    node: {
      heads: Array<{ key: Buffer, length: number }>
      /** null for a block that only acknowledges (an indexer's ack): apply never sees it */
      value: Buffer | null
    }
  }
  const messages: { OplogMessage: object }
  export default messages
}

// hyperbee's block encoding (lib/messages.js): what one block of a bee holds.
declare module 'hyperbee/lib/messages.js' {
  export const Node: {
    decode (bytes: Uint8Array): { key: Uint8Array, value: Uint8Array | null, index: Uint8Array | null }
  }
}

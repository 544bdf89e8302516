// hypercore's own signature checks (lib/verifier.js, lib/caps.js), used to check a federate's
// signed tree states offline. Only the parts used; the package ships no types.
declare module 'hypercore/lib/verifier.js' {
  export interface TreeBatch {
    length: number
    fork: number
    hash (): Uint8Array
    signable (namespace: Uint8Array): Uint8Array
    signableCompat (legacy: boolean): Uint8Array
  }
  export interface Manifest {
    version: number
    quorum: number
    signers: Array<{ publicKey: Uint8Array }>
    prologue: { length: number, hash: Uint8Array } | null
  }
  export default class Verifier {
    constructor (manifestHash: Uint8Array, manifest: Manifest)
    verify (batch: TreeBatch, signature: Uint8Array): boolean
    sign (batch: TreeBatch, keyPair: { publicKey: Uint8Array, secretKey: Uint8Array }): Uint8Array
    static defaultSignerManifest (publicKey: Uint8Array): Manifest
    static manifestHash (manifest: Manifest): Uint8Array
    static decodeManifest (bytes: Uint8Array): Manifest
    static encodeManifest (manifest: Manifest): Uint8Array
  }
}

declare module 'hypercore/lib/caps.js' {
  export function treeSignable (manifestHash: Uint8Array, treeHash: Uint8Array, length: number, fork: number): Uint8Array
  export function treeSignableCompat (treeHash: Uint8Array, length: number, fork: number, noHeader: boolean): Uint8Array
}

declare module 'hypercore-crypto' {
  export function keyPair (seed?: Uint8Array): { publicKey: Buffer, secretKey: Buffer }
  export function randomBytes (n: number): Buffer
  export function tree (roots: Array<{ index: number, size: number, hash: Uint8Array }>): Buffer
  /** a detached ed25519 signature */
  export function sign (message: Uint8Array, secretKey: Uint8Array): Buffer
  export function verify (message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean
  const crypto: { keyPair: typeof keyPair, randomBytes: typeof randomBytes, tree: typeof tree, sign: typeof sign, verify: typeof verify }
  export default crypto
}

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
  }
}


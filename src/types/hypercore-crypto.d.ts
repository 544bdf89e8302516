// hypercore-crypto: hashing and ed25519 signatures, a plain utility (not behind the fence).
declare module 'hypercore-crypto' {
  export function keyPair (seed?: Uint8Array): { publicKey: Buffer, secretKey: Buffer }
  export function randomBytes (n: number): Buffer
  export function tree (roots: Array<{ index: number, size: number, hash: Uint8Array }>): Buffer
  /** a detached ed25519 signature */
  export function sign (message: Uint8Array, secretKey: Uint8Array): Buffer
  export function verify (message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean
  /** the topic peers of a core (or an autobase's key) meet on */
  export function discoveryKey (key: Uint8Array): Buffer
  const crypto: { keyPair: typeof keyPair, randomBytes: typeof randomBytes, tree: typeof tree, sign: typeof sign, verify: typeof verify, discoveryKey: typeof discoveryKey }
  export default crypto
}
